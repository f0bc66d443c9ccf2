using Microsoft.EntityFrameworkCore;
using Npgsql;
using PtClinic.Tests.Shared;

namespace PtClinic.IntegrationTests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task All_migrations_apply_to_an_empty_database_and_the_model_has_no_pending_changes()
    {
        // A database of its own, created empty, so nothing the other tests did can help.
        await using var database = await TestDatabase.CreateAsync("ptclinic_migration_check");
        await using var db = database.CreateContext();

        (await db.Database.GetPendingMigrationsAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Xunit.TestContext.Current.CancellationToken))
            .ShouldBe(db.Database.GetMigrations());
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "The model changed without a migration: run dotnet ef migrations add (see docs/development.md).");

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('patients', 'clinics', 'users', 'data_protection_keys')",
            connection);
        ((long)(await command.ExecuteScalarAsync(Xunit.TestContext.Current.CancellationToken))!).ShouldBe(4);
    }
}
