using System.Globalization;
using PtClinic.Infrastructure.Seeding.Synthetic;

namespace PtClinic.Seed;

/// <summary>The command line of ./ptclinic.sh seed, read into the generator's <see cref="SeedOptions"/>.</summary>
internal static class CommandLine
{
    public static string Usage => """
        ptclinic seed [--episodes N] [--clinics K] [--seed S] [--months M] [--today yyyy-MM-dd] [--no-demo]
          --episodes N   episodes of care in all (default 2000), about 10 visits each
          --clinics K    clinics to share them (default 3); the demo clinic is the first unless --no-demo
          --seed S       the random seed (default 20261214): the same seed, the same data
          --months M     episodes opened over the last M months (default 18)
          --today D      the clinics' today (default: the real one)
          --no-demo      new clinics only, none of the episodes in the demo clinic
        """;

    /// <summary>Reads the command line; <c>--connection</c> (the owner's connection string) is returned beside.</summary>
    public static (SeedOptions Options, string? Connection) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SeedOptions();
        string? connection = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number(int min, int max)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new ArgumentException($"{name} takes a whole number from {min} to {max}; \"{text}\" is not one.");
            }

            options = args[i] switch
            {
                "--episodes" => options with { Episodes = Number(1, 10_000_000) },
                "--clinics" => options with { Clinics = Number(1, 100) },
                "--seed" => options with { Seed = Number(0, int.MaxValue) },
                "--months" => options with { Months = Number(1, 120) },
                "--batch" => options with { BatchEpisodes = Number(100, 100_000) },
                "--today" => options with
                {
                    Today = DateOnly.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new ArgumentException("--today takes a date as yyyy-MM-dd."),
                },
                "--no-demo" => options with { IncludeDemoClinic = false },
                "--connection" => WithConnection(options, Value(), out connection),
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return (options, connection);
    }

    private static SeedOptions WithConnection(SeedOptions options, string value, out string connection)
    {
        connection = value;
        return options;
    }
}
