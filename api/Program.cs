using Telephony.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTelephonyApi(builder.Configuration);

var app = builder.Build();
app.MapTelephonyApi();
app.Run();

/// <summary>The API host's entry point; public so integration tests can start it.</summary>
public partial class Program;
