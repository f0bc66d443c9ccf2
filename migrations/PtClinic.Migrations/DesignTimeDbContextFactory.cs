using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PtClinic.Infrastructure;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.Migrations;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the web app. The connection
/// string only matters for commands that touch a database; set PTCLINIC_DESIGN_CONNECTION for those.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("PTCLINIC_DESIGN_CONNECTION")
            ?? "Host=127.0.0.1;Port=5433;Database=ptclinic;Username=postgres";
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, connectionString);
        return new AppDbContext(options.Options);
    }
}
