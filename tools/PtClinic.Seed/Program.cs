using System.Globalization;
using PtClinic.Infrastructure.Seeding.Synthetic;

namespace PtClinic.Seed;

/// <summary>
/// ./ptclinic.sh seed: the owner's connection string comes with --connection (the script passes the
/// dev database's); the rest are the generator's options (<see cref="CommandLine.Usage"/>). The generator itself is
/// PtClinic.Infrastructure.Seeding.Synthetic, which the demo seeder uses too for the demo clinic's history.
/// A class of its own, not top-level statements, so it names no global Program beside the web app's.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        SeedOptions options;
        string? connection;
        try
        {
            (options, connection) = CommandLine.Parse(args);
            if (connection is null)
            {
                throw new ArgumentException("--connection (the database owner's connection string) is required.");
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var report = await SyntheticSeeder.RunAsync(connection, options, Console.Out, cancel.Token);
            Console.WriteLine();
            foreach (var clinic in report.Clinics)
            {
                Console.WriteLine($"  {clinic.Name}{(clinic.IsDemo ? " (the demo clinic)" : "")}: {clinic.Therapists.Count} therapists");
            }

            Console.WriteLine();
            foreach (var (table, rows) in report.Counts.All)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-26} {rows,12:N0}"));
            }

            var seconds = report.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {"total",-26} {report.Counts.Total,12:N0} rows in {seconds:0.0} s ({report.Counts.Total / Math.Max(seconds, 0.001):N0} rows/s)"));
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Stopped: nothing was written (the run is one transaction).");
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
