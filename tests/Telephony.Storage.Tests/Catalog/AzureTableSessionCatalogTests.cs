using System.Text;
using Azure.Data.Tables;
using Telephony.Catalog;
using Telephony.Catalog.Azure;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The session catalog contract on Azure Table storage (Azurite), and what only its layout shows.</summary>
public sealed class AzureTableSessionCatalogTests(AzuriteFixture azurite) : SessionCatalogContractTests, IClassFixture<AzuriteFixture>
{
    private readonly string _tableName = $"sessions{Guid.NewGuid():N}";

    [Fact]
    public async Task A_document_larger_than_one_table_property_comes_back_whole()
    {
        var document = Encoding.UTF8.GetBytes(new string('x', (2 * TableDocuments.MaxPropertyBytes) + 10));

        await Catalog.SaveAsync(Entry("big", minutes: 1) with { Document = document }, default).Within();

        Assert.Equal(document, Assert.Single((await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(1), default).Within()).Items).Document);
    }

    [Fact]
    public async Task Keys_with_characters_azure_refuses_are_stored_and_read_back()
    {
        var entry = Entry("id/with#odd?chars|%", minutes: 1) with { AccountId = "acct/#?", Users = ["user\\x|y"] };

        await Catalog.SaveAsync(entry, default).Within();

        Assert.Equal("id/with#odd?chars|%", Assert.Single((await Catalog.FindAsync("acct/#?", new SessionFilter(), new PageRequest(5), default).Within()).Items).SessionId);
        Assert.Single((await Catalog.FindLiveAsync("acct/#?", "USER\\x|y", new PageRequest(5), default).Within()).Items);
    }

    [Fact]
    public async Task A_save_cut_short_before_the_sessions_own_row_is_finished_by_the_repeated_save()
    {
        // The live and user rows are written first: with the session's own row still older, the same save repeats in full.
        await Catalog.SaveAsync(Entry("s1", minutes: 1) with { Users = ["u"] }, default).Within();
        var table = azurite.Azurite.Tables.GetTableClient(_tableName);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Partition("u", "acct", "v"), TableKeys.Row(Entry("s1", minutes: 1).Position)) { ["Version"] = 2L });

        Assert.True(await Catalog.SaveAsync(Entry("s1", minutes: 1, version: 2, ended: true) with { Users = ["u", "v"] }, default).Within());

        Assert.Empty((await Catalog.FindLiveAsync("acct", "v", new PageRequest(5), default).Within()).Items);
        Assert.Empty((await Catalog.FindLiveAsync("acct", "u", new PageRequest(5), default).Within()).Items);
        Assert.True(Assert.Single((await Catalog.FindAsync("acct", new SessionFilter(), new PageRequest(5), default).Within()).Items).Ended);
    }

    /// <inheritdoc />
    protected override Task<ISessionCatalog> CreateAsync() =>
        Task.FromResult<ISessionCatalog>(new AzureTableSessionCatalog(azurite.Azurite.Tables, _tableName));

    /// <inheritdoc />
    protected override Task CloseAsync() => azurite.Azurite.Tables.DeleteTableAsync(_tableName);
}
