using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.SiloHost;

if (ApiKeyCommand.TryRun(args, Console.Out))
{
    return 0;
}

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
var development = DevelopmentAccount.AddIfNoAccounts(builder.Configuration);
try
{
    builder.AddTelephonyApi();
    app = builder.Build();
    app.MapTelephonyApi();
}
catch (SettingException e) when (!builder.Environment.IsEnvironment("Testing"))
{
    // The operator's mistake, not the program's: one line naming the setting, no stack trace. Test hosts see the exception.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

if (development)
{
    app.Logger.LogWarning(
        "No account configured: using account '{AccountId}' on the Simulator (caller id {CallerId}). Admin key: {AdminKey}  Agent key: {AgentKey}",
        DevelopmentAccount.Id,
        DevelopmentAccount.CallerId,
        DevelopmentAccount.AdminKey,
        DevelopmentAccount.AgentKey);
}

await app.RunAsync();
return 0;

/// <summary>The API host's entry point; public so integration tests can start it.</summary>
public partial class Program;
