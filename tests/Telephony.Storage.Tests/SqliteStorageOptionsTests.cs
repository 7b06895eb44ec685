using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>Start-up fails with one clear message, naming the setting, when the options cannot work.</summary>
public sealed class SqliteStorageOptionsTests
{
    [Theory]
    [InlineData(null, "SqliteStorageOptions.ConnectionString is missing")]
    [InlineData("  ", "SqliteStorageOptions.ConnectionString is missing")]
    [InlineData("Mode=ReadWriteCreate", "SqliteStorageOptions.ConnectionString has no Data Source")]
    [InlineData("Data Source=:memory:", "SqliteStorageOptions.ConnectionString names an in-memory database")]
    [InlineData("Data Source=x.db;Mode=Memory", "SqliteStorageOptions.ConnectionString names an in-memory database")]
    [InlineData("Data Sauce=x.db", "SqliteStorageOptions.ConnectionString cannot be parsed")]
    public void Validation_names_the_connection_string_setting_and_the_problem(string? connectionString, string expected)
    {
        var validator = new SqliteStorageOptionsValidator(new SqliteStorageOptions { ConnectionString = connectionString }, "Default");

        var error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains(expected, error.Message);
        Assert.Contains("SQLite grain storage \"Default\"", error.Message);
        Assert.Contains("e.g. \"Data Source=data/telephony.db\"", error.Message);
    }

    [Fact]
    public void Validation_names_the_batch_size_setting()
    {
        var validator = new SqliteStorageOptionsValidator(new SqliteStorageOptions { ConnectionString = "Data Source=x.db", MaxBatchSize = 0 }, "Default");

        var error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("SqliteStorageOptions.MaxBatchSize must be at least 1", error.Message);
    }

    [Fact]
    public void A_file_connection_string_passes_validation()
    {
        var exception = Record.Exception(new SqliteStorageOptionsValidator(new SqliteStorageOptions { ConnectionString = "Data Source=data/telephony.db" }, "Default").ValidateConfiguration);

        Assert.Null(exception);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_busy_timeout_that_is_not_positive_is_refused_with_the_setting_named(int seconds)
    {
        var validator = new SqliteStorageOptionsValidator(new SqliteStorageOptions { ConnectionString = "Data Source=x.db", BusyTimeout = TimeSpan.FromSeconds(seconds) }, "Default");

        var error = Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);

        Assert.Contains("SqliteStorageOptions.BusyTimeout must be more than zero", error.Message);
    }

    [Fact]
    public void The_registered_validators_check_each_provider_and_the_reminder_table()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqliteGrainStorage("good", options => options.ConnectionString = "Data Source=good.db");
        services.AddSqliteGrainStorageAsDefault((SqliteStorageOptions _) => { });
        services.UseSqliteReminderService((SqliteStorageOptions _) => { });
        using var provider = services.BuildServiceProvider();

        var messages = provider.GetServices<IConfigurationValidator>()
            .OfType<SqliteStorageOptionsValidator>()
            .Select(validator => Record.Exception(validator.ValidateConfiguration)?.Message)
            .ToArray();

        Assert.Equal(3, messages.Length);
        Assert.Single(messages, message => message is null);
        Assert.Single(messages, message => message?.Contains("SQLite grain storage \"Default\"", StringComparison.Ordinal) == true);
        Assert.Single(messages, message => message?.Contains("the SQLite reminder table", StringComparison.Ordinal) == true);
        Assert.All(messages.OfType<string>(), message => Assert.Contains("SqliteStorageOptions.ConnectionString is missing", message));
    }

    [Fact]
    public async Task A_silo_with_no_connection_string_fails_to_start_naming_the_setting()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSqliteGrainStorageAsDefault((SqliteStorageOptions _) => { }));
        var cluster = builder.Build();
        try
        {
            var error = await Record.ExceptionAsync(() => cluster.DeployAsync().Within());

            var configuration = Assert.IsType<OrleansConfigurationException>(ExceptionChain.Flatten(error).FirstOrDefault(e => e is OrleansConfigurationException));
            Assert.Contains("SQLite grain storage \"Default\"", configuration.Message);
            Assert.Contains("SqliteStorageOptions.ConnectionString is missing", configuration.Message);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
