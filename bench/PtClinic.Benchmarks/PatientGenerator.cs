using Bogus;
using Bogus.DataSets;
using PtClinic.Domain.Patients;

namespace PtClinic.Benchmarks;

internal sealed record GeneratedPatient(
    Guid Id,
    string Mrn,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Phone,
    string? Email,
    DateTimeOffset RegisteredAt);

/// <summary>
/// Realistic, reproducible patients: names from several Bogus locales (a clinic in a mixed city), so
/// common surnames repeat as they do in real registries; dates of birth from childhood to old age;
/// MRNs P000001, P000002, ... within each clinic. The same seed gives the same names.
/// </summary>
internal sealed class PatientGenerator
{
    /// <summary>Locales and their weights: mostly English-speaking, with a broad European mix.</summary>
    private static readonly (string Locale, int Weight)[] Locales =
    [
        ("en_GB", 22), ("en_US", 12), ("en_IE", 4), ("de", 10), ("fr", 9), ("es", 9), ("it", 8),
        ("nl", 5), ("pl", 6), ("sv", 4), ("tr", 4), ("pt_BR", 4), ("fi", 2), ("nb_NO", 1),
    ];

    private readonly Faker[] _fakers;
    private readonly int[] _cumulativeWeights;
    private readonly Randomizer _random;
    private readonly DateTimeOffset _now;

    public PatientGenerator(int seed, DateTimeOffset now)
    {
        _random = new Randomizer(seed);
        _fakers = Locales.Select((l, i) => new Faker(l.Locale) { Random = new Randomizer(seed * 397 + i) }).ToArray();
        var sum = 0;
        _cumulativeWeights = Locales.Select(l => sum += l.Weight).ToArray();
        _now = now;
    }

    public GeneratedPatient Next(int numberInClinic)
    {
        var faker = PickLocale();
        var sex = _random.Int(0, 99) switch
        {
            < 52 => Sex.Female,
            < 98 => Sex.Male,
            98 => Sex.Other,
            _ => Sex.Unknown,
        };
        var gender = sex switch
        {
            Sex.Female => Name.Gender.Female,
            Sex.Male => Name.Gender.Male,
            _ => _random.Bool() ? Name.Gender.Female : Name.Gender.Male,
        };
        var given = Clip(faker.Name.FirstName(gender), Patient.NameMaxLength);
        var family = Clip(faker.Name.LastName(gender), Patient.NameMaxLength);

        var today = DateOnly.FromDateTime(_now.UtcDateTime);
        var dateOfBirth = today.AddYears(-_random.Int(3, 96)).AddDays(-_random.Int(0, 364));
        var registeredAt = _now.AddDays(-_random.Int(0, 3650)).AddMinutes(-_random.Int(0, 1439));
        var phone = _random.Int(0, 99) < 85 ? Clip(faker.Phone.PhoneNumber(), Patient.PhoneMaxLength) : null;
        var email = _random.Int(0, 99) < 60
            ? Clip($"{given}.{family}{_random.Int(1, 99)}@example.org".Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant(), Patient.EmailMaxLength)
            : null;

        return new GeneratedPatient(
            Guid.CreateVersion7(registeredAt),
            Mrn(numberInClinic),
            given,
            family,
            dateOfBirth,
            sex,
            phone,
            email,
            registeredAt);
    }

    /// <summary>MRN format of the app: P and six digits, unique within a clinic.</summary>
    public static string Mrn(int numberInClinic) => $"P{numberInClinic:D6}";

    private Faker PickLocale()
    {
        var roll = _random.Int(0, _cumulativeWeights[^1] - 1);
        var i = 0;
        while (roll >= _cumulativeWeights[i])
        {
            i++;
        }

        return _fakers[i];
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
