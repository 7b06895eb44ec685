using Microsoft.AspNetCore.WebUtilities;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Api.Hosting;

/// <summary>
/// When no account is configured, one development account on the Simulator with two documented keys, so
/// <c>dotnet run --project api</c> works with no credentials. Configuring any account replaces it. Its incoming calls are
/// routed to a well-known workspace, queue and agent worker that the node creates at start-up (<see cref="DevelopmentStartup"/>),
/// unless <c>Telephony:Development:Workspace</c>, <c>:TaskQueue</c> and <c>:Worker</c> name others made with the Admin key.
/// </summary>
public static class DevelopmentAccount
{
    /// <summary>The account id.</summary>
    public const string Id = "development";

    /// <summary>An Admin key of the development account.</summary>
    public const string AdminKey = "dev-admin-key";

    /// <summary>A User key of the development account, acting as its agent worker.</summary>
    public const string AgentKey = "dev-agent-key";

    /// <summary>The development account's caller id.</summary>
    public const string CallerId = "+15550100000";

    /// <summary>The well-known sid of the development workspace, <c>Support</c>.</summary>
    public static readonly string WorkspaceSid = RoutingSids.WellKnown(RoutingSids.WorkspacePrefix, 1);

    /// <summary>The well-known sid of the development task queue, <c>Support</c>.</summary>
    public static readonly string TaskQueueSid = RoutingSids.WellKnown(RoutingSids.TaskQueuePrefix, 1);

    /// <summary>The well-known sid of the development agent worker, <c>Agent</c>, which the agent key acts as.</summary>
    public static readonly string WorkerSid = RoutingSids.WellKnown(RoutingSids.WorkerPrefix, 1);

    /// <summary>
    /// Adds the development account to <paramref name="configuration"/> if it names no account, and answers its routing;
    /// null when accounts are configured.
    /// </summary>
    public static DevelopmentRouting? AddIfNoAccounts(IConfigurationManager configuration)
    {
        if (configuration.GetSection("Telephony:Accounts").GetChildren().Any())
        {
            return null;
        }

        var settings = configuration.GetSection("Telephony:Development");
        var routing = settings["Workspace"] is null && settings["TaskQueue"] is null && settings["Worker"] is null
            ? new DevelopmentRouting(WorkspaceSid, TaskQueueSid, WorkerSid, Provisioned: true)
            : new DevelopmentRouting(settings["Workspace"], settings["TaskQueue"], settings["Worker"], Provisioned: false);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Accounts:0:Id"] = Id,
            ["Telephony:Accounts:0:Provider"] = "Simulator",
            ["Telephony:Accounts:0:CallerId"] = CallerId,
            ["Telephony:Accounts:0:ApiKeys:0:Key"] = AdminKey,
            ["Telephony:Accounts:0:ApiKeys:0:Role"] = "Admin",
            ["Telephony:Accounts:0:ApiKeys:0:UserId"] = "admin@example.com",
            ["Telephony:Accounts:0:ApiKeys:1:Key"] = AgentKey,
            ["Telephony:Accounts:0:ApiKeys:1:Role"] = "User",
            ["Telephony:Accounts:0:ApiKeys:1:UserId"] = routing.Worker ?? "agent@example.com",
            ["Telephony:Accounts:0:DefaultWorkspace"] = routing.Workspace,
            ["Telephony:Accounts:0:DefaultTaskQueue"] = routing.TaskQueue,
        });
        return routing;
    }
}

/// <summary>Where the development account routes incoming calls, and which worker its agent key acts as.</summary>
/// <param name="Workspace">The workspace of its default task queue.</param>
/// <param name="TaskQueue">Its default task queue.</param>
/// <param name="Worker">The worker the agent key acts as.</param>
/// <param name="Provisioned">True for the well-known sids, which the node creates at start-up; false when settings named them.</param>
public sealed record DevelopmentRouting(string? Workspace, string? TaskQueue, string? Worker, bool Provisioned)
{
    /// <summary>The console's path with this workspace and worker filled in, so the agent signs in with the key alone.</summary>
    public string ConsolePath() =>
        QueryHelpers.AddQueryString(
            "/console/",
            new[] { ("workspace", Workspace), ("worker", Worker) }
                .Where(p => p.Item2 is not null)
                .Select(p => KeyValuePair.Create(p.Item1, p.Item2)));
}
