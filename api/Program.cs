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
    if (development is not null)
    {
        // After the silo: hosted services start in order, so the silo is up when this creates the development routing.
        builder.Services.AddSingleton(development).AddHostedService<DevelopmentStartup>();
    }

    app = builder.Build();
    app.MapTelephonyApi();
}
catch (SettingException e) when (!builder.Environment.IsEnvironment("Testing"))
{
    // The operator's mistake, not the program's: one line naming the setting, no stack trace. Test hosts see the exception.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The API host's entry point; public so integration tests can start it.</summary>
public partial class Program;
