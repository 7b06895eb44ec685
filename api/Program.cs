using Telephony.Api.Hosting;
using Telephony.Api.Security;

if (ApiKeyCommand.TryRun(args, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
var development = DevelopmentAccount.AddIfNoAccounts(builder.Configuration);
builder.AddTelephonyApi();

var app = builder.Build();
app.MapTelephonyApi();
if (development)
{
    app.Logger.LogWarning(
        "No account configured: using account '{AccountId}' on the Simulator (caller id {CallerId}). Admin key: {AdminKey}  Agent key: {AgentKey}",
        DevelopmentAccount.Id,
        DevelopmentAccount.CallerId,
        DevelopmentAccount.AdminKey,
        DevelopmentAccount.AgentKey);
}

app.Run();

/// <summary>The API host's entry point; public so integration tests can start it.</summary>
public partial class Program;
