using Npgsql;
using PtClinic.Infrastructure;

namespace PtClinic.UnitTests.Infrastructure;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void Statements_are_prepared_and_connections_not_reset_unless_the_connection_string_says_otherwise()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DependencyInjection.WithPreparedStatements("Host=127.0.0.1;Port=5432;Database=ptclinic;Username=postgres"));

        (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.NoResetOnClose).ShouldBe((64, 2, true));
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("max auto prepare=0;no reset on close=false")]
    public void An_explicit_setting_wins_behind_a_pooler_that_keeps_no_prepared_statements(string explicitSettings)
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DependencyInjection.WithPreparedStatements($"Host=127.0.0.1;Database=ptclinic;Username=postgres;{explicitSettings}"));

        (settings.MaxAutoPrepare, settings.NoResetOnClose).ShouldBe((0, false));
    }
}
