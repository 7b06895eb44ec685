using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Telephony.SiloHost;

/// <summary>
/// The Azure Table service a configuration section names: <c>ConnectionString</c> (Azurite, development) or
/// <c>ServiceUri</c>, reached with <see cref="DefaultAzureCredential"/> (production: no secret in configuration).
/// </summary>
internal static class AzureTables
{
    /// <summary>The service <paramref name="section"/> names, else the one <paramref name="fallback"/> names when given.</summary>
    public static TableServiceClient Client(IConfigurationSection section, IConfigurationSection? fallback = null)
    {
        var connectionString = section["ConnectionString"];
        var serviceUri = section["ServiceUri"];
        if (string.IsNullOrWhiteSpace(connectionString) && string.IsNullOrWhiteSpace(serviceUri) && fallback is not null
            && (!string.IsNullOrWhiteSpace(fallback["ConnectionString"]) || !string.IsNullOrWhiteSpace(fallback["ServiceUri"])))
        {
            return Client(fallback);
        }

        if (!string.IsNullOrWhiteSpace(connectionString) && !string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new SettingException($"{section.Path}:ServiceUri", $"set either {section.Path}:ConnectionString or {section.Path}:ServiceUri, not both.");
        }

        if (!string.IsNullOrWhiteSpace(serviceUri))
        {
            return Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                ? new TableServiceClient(uri, new DefaultAzureCredential())
                : throw new SettingException($"{section.Path}:ServiceUri", $"'{serviceUri}' is not an absolute http(s) URI of an Azure Table service, such as https://account.table.core.windows.net.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SettingException(
                $"{section.Path}:ConnectionString",
                $"an Azure Table service is needed: set {section.Path}:ConnectionString (for Azurite, UseDevelopmentStorage=true or its connection string) or {section.Path}:ServiceUri (signed in with DefaultAzureCredential).");
        }

        try
        {
            return new TableServiceClient(connectionString);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new SettingException($"{section.Path}:ConnectionString", $"not an Azure Storage connection string ({e.Message}).", e);
        }
    }
}
