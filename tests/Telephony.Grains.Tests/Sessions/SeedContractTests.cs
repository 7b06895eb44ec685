using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>The DTOs serialize to exactly the fields and enum names the Evo Voice seed documents declare.</summary>
public sealed class SeedContractTests
{
    private static readonly string[] SeedFiles =
        [SeedDocuments.HoldSession, SeedDocuments.AddConferenceMember, SeedDocuments.InviteChatMember];

    public static TheoryData<string> SeedsWithSessionInfo => [.. SeedFiles];

    public static TheoryData<string, string> SeedEnums
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var seed in SeedFiles)
            {
                foreach (var name in EnumContracts.Keys)
                {
                    data.Add(seed, name);
                }
            }

            return data;
        }
    }

    private static readonly Dictionary<string, Func<IReadOnlyList<string>>> EnumContracts = new()
    {
        [nameof(SessionDialState)] = () => NamesAsWritten(SessionJsonContext.Default.SessionDialState),
        [nameof(SessionCallState)] = () => NamesAsWritten(SessionJsonContext.Default.SessionCallState),
        [nameof(SessionQueueStates)] = () => NamesAsWritten(SessionJsonContext.Default.SessionQueueStates),
        [nameof(FlowChannels)] = () => NamesAsWritten(SessionJsonContext.Default.FlowChannels),
        [nameof(SessionHoldReasons)] = () => NamesAsWritten(SessionJsonContext.Default.SessionHoldReasons),
        [nameof(SessionMemberCallState)] = () => NamesAsWritten(SessionJsonContext.Default.SessionMemberCallState),
        [nameof(SessionMemberRoles)] = () => NamesAsWritten(SessionJsonContext.Default.SessionMemberRoles),
        [nameof(SessionDirections)] = () => NamesAsWritten(SessionJsonContext.Default.SessionDirections),
    };

    [Theory]
    [MemberData(nameof(SeedsWithSessionInfo))]
    public void A_default_SessionInfo_has_every_seed_field_with_nulls_for_unknown_text(string seedFile)
    {
        var json = Serialize(new SessionInfo(), SessionJsonContext.Default.SessionInfo);

        JsonShape.AssertMatches(SeedDocuments.Load(seedFile), "SessionInfo", json, populated: false);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("dateCompleted").ValueKind);
        Assert.Equal("Disconnected", json.GetProperty("callState").GetString());
    }

    [Theory]
    [MemberData(nameof(SeedsWithSessionInfo))]
    public void A_populated_SessionInfo_has_exactly_the_seed_fields_down_to_members_log_and_breadcrumbs(string seedFile)
    {
        var json = Serialize(SessionSamples.Session(), SessionJsonContext.Default.SessionInfo);

        JsonShape.AssertMatches(SeedDocuments.Load(seedFile), "SessionInfo", json, populated: true);
    }

    [Theory]
    [MemberData(nameof(SeedsWithSessionInfo))]
    public void SessionInfo_keeps_the_inherited_EntityInfo_fields(string seedFile)
    {
        var seed = SeedDocuments.Load(seedFile);
        var json = Serialize(new SessionInfo(), SessionJsonContext.Default.SessionInfo);

        Assert.Equal(
            ["createdBy", "dateCreated", "dateLastModified", "id", "lastModifiedBy"],
            seed.FieldsOf("EntityInfo").Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(seed.FieldsOf("EntityInfo"), f => Assert.True(json.TryGetProperty(f.Name, out _), f.Name));
    }

    [Theory]
    [MemberData(nameof(SeedsWithSessionInfo))]
    public void The_nested_DTOs_alone_have_exactly_their_seed_fields(string seedFile)
    {
        var seed = SeedDocuments.Load(seedFile);

        JsonShape.AssertMatches(seed, "SessionMemberInfo", Serialize(new SessionMemberInfo(), SessionJsonContext.Default.SessionMemberInfo), populated: false);
        JsonShape.AssertMatches(seed, "SessionMemberInfo", Serialize(SessionSamples.Member(), SessionJsonContext.Default.SessionMemberInfo), populated: true);
        JsonShape.AssertMatches(seed, "SessionLogInfo", Serialize(new SessionLogInfo(), SessionJsonContext.Default.SessionLogInfo), populated: false);
        JsonShape.AssertMatches(seed, "SessionLogInfo", Serialize(SessionSamples.LogEntry(), SessionJsonContext.Default.SessionLogInfo), populated: true);
        JsonShape.AssertMatches(seed, "CustomerBreadcrumb", Serialize(new CustomerBreadcrumb(), SessionJsonContext.Default.CustomerBreadcrumb), populated: false);
        JsonShape.AssertMatches(seed, "CustomerBreadcrumb", Serialize(SessionSamples.Breadcrumb(), SessionJsonContext.Default.CustomerBreadcrumb), populated: true);
    }

    [Theory]
    [MemberData(nameof(SeedsWithSessionInfo))]
    public void We_define_every_enum_the_seed_declares(string seedFile)
    {
        Assert.Equal(
            EnumContracts.Keys.Order(StringComparer.Ordinal),
            SeedDocuments.Load(seedFile).Enums.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeedEnums))]
    public void Each_enum_is_written_with_exactly_the_seed_member_names_in_seed_order(string seedFile, string enumName)
    {
        Assert.Equal(SeedDocuments.Load(seedFile).Enums[enumName], EnumContracts[enumName]());
    }

    [Fact]
    public void HoldSession_has_exactly_the_fields_of_its_seed()
    {
        var seed = SeedDocuments.Load(SeedDocuments.HoldSession);

        JsonShape.AssertMatches(seed, "HoldSession", Serialize(new HoldSession(), SessionJsonContext.Default.HoldSession), populated: false);
        JsonShape.AssertMatches(seed, "HoldSession", Serialize(SessionSamples.Hold(), SessionJsonContext.Default.HoldSession), populated: true);
    }

    [Fact]
    public void AddConferenceMember_has_exactly_the_fields_of_its_seed()
    {
        var seed = SeedDocuments.Load(SeedDocuments.AddConferenceMember);

        JsonShape.AssertMatches(seed, "AddConferenceMember", Serialize(new AddConferenceMember(), SessionJsonContext.Default.AddConferenceMember), populated: false);
        JsonShape.AssertMatches(seed, "AddConferenceMember", Serialize(SessionSamples.ConferenceMember(), SessionJsonContext.Default.AddConferenceMember), populated: true);
    }

    [Fact]
    public void InviteChatMember_has_exactly_the_fields_of_its_FSharp_seed()
    {
        var seed = SeedDocuments.Load(SeedDocuments.InviteChatMember);

        Assert.Equal(["sessionId", "memberToAdd", "callerId"], seed.FieldsOf("InviteChatMember").Select(f => f.Name));
        JsonShape.AssertMatches(seed, "InviteChatMember", Serialize(new InviteChatMember(), SessionJsonContext.Default.InviteChatMember), populated: false);
        JsonShape.AssertMatches(seed, "InviteChatMember", Serialize(SessionSamples.ChatMember(), SessionJsonContext.Default.InviteChatMember), populated: true);
    }

    private static JsonElement Serialize<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, typeInfo)).RootElement.Clone();

    private static IReadOnlyList<string> NamesAsWritten<TEnum>(JsonTypeInfo<TEnum> typeInfo)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => JsonDocument.Parse(JsonSerializer.Serialize(v, typeInfo)).RootElement.GetString()!).ToList();
}
