using Npgsql;

namespace PtClinic.Benchmarks;

internal sealed record SearchKind(string Name, string[] Texts);

/// <summary>
/// Search texts made from real rows of the clinic, the way people get them wrong: a surname with one
/// typo (a neighbouring key, two letters swapped, one dropped or doubled; never the first letter), a
/// full name with one such typo, the first three letters of a surname. Reproducible: fixed seed.
/// </summary>
internal static class SearchTexts
{
    private const int Seed = 4242;

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    public static async Task<IReadOnlyList<SearchKind>> MakeAsync(
        NpgsqlDataSource raw, Guid clinicId, int patientsPerClinic, int perKind, CancellationToken ct)
    {
        var random = new Random(Seed);
        var mrns = Enumerable.Range(0, perKind * 12)
            .Select(_ => PatientGenerator.Mrn(random.Next(1, patientsPerClinic + 1)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        var names = new List<(string Given, string Family)>();
        await using (var command = raw.CreateCommand(
            "SELECT given_name, family_name FROM patients WHERE clinic_id = $1 AND mrn = ANY($2) ORDER BY mrn"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = clinicId });
            command.Parameters.Add(new NpgsqlParameter { Value = mrns });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                names.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // Shuffle deterministically: ORDER BY mrn would favour low numbers' names in every kind alike.
        names = [.. names.OrderBy(_ => random.Next())];

        string[] Take(IEnumerable<string> texts)
        {
            var taken = texts.Take(perKind).ToArray();
            return taken.Length == perKind
                ? taken
                : throw new BenchFailure($"patient-search: only {taken.Length} search texts of a kind could be made.");
        }

        return
        [
            new(PatientSearchBench.KindNames[0], Take(
                names.Where(n => IsWord(n.Family) && n.Family.Length >= 5).Select(n => Typo(n.Family, random)))),
            new(PatientSearchBench.KindNames[1], Take(
                names.Where(n => IsWord(n.Given) && IsWord(n.Family) && n.Given.Length >= 4 && n.Family.Length >= 4)
                    .Select(n => random.Next(2) == 0 ? $"{Typo(n.Given, random)} {n.Family}" : $"{n.Given} {Typo(n.Family, random)}"))),
            new(PatientSearchBench.KindNames[2], Take(
                names.Where(n => n.Family.Length >= 3 && n.Family[..3].All(char.IsLetter)).Select(n => n.Family[..3]))),
        ];
    }

    private static bool IsWord(string name) => name.All(char.IsLetter);

    /// <summary>One typo, never in the first letter (people rarely get that wrong).</summary>
    internal static string Typo(string word, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var chars = word.ToList();
            var i = random.Next(1, word.Length - 1);
            switch (random.Next(4))
            {
                case 0:
                    chars[i] = Neighbour(chars[i], random);
                    break;
                case 1:
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    break;
                case 2:
                    chars.RemoveAt(i);
                    break;
                default:
                    chars.Insert(i, chars[i]);
                    break;
            }

            var typo = new string([.. chars]);
            if (!string.Equals(typo, word, StringComparison.OrdinalIgnoreCase))
            {
                return typo;
            }
        }

        return word[..^1] + (word[^1] == 'x' ? 'z' : 'x');
    }

    private static char Neighbour(char c, Random random)
    {
        var lower = char.ToLowerInvariant(c);
        foreach (var row in KeyboardRows)
        {
            var at = row.IndexOf(lower, StringComparison.Ordinal);
            if (at >= 0)
            {
                var next = at == 0 ? 1 : at == row.Length - 1 ? at - 1 : at + (random.Next(2) == 0 ? -1 : 1);
                return char.IsUpper(c) ? char.ToUpperInvariant(row[next]) : row[next];
            }
        }

        // Not on a plain QWERTY key (é, ø, ş ...): typed as its nearest plain letter's neighbour.
        return 'e';
    }
}
