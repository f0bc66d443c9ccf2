namespace PtClinic.Infrastructure.Seeding.Synthetic;

/// <summary>
/// What to generate. The same options (seed and today included) give the same rows in a fresh
/// database: every id, name, date and score is drawn from <see cref="Seed"/>.
/// </summary>
public sealed record SeedOptions
{
    public const int DefaultSeed = 20261214;

    /// <summary>Episodes of care in all, shared out among the clinics (some clinics busier than others).</summary>
    public int Episodes { get; init; } = 2000;

    /// <summary>Clinics the episodes go to, the demo clinic among them when <see cref="IncludeDemoClinic"/>.</summary>
    public int Clinics { get; init; } = 3;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Episodes open over this many months before <see cref="Today"/>.</summary>
    public int Months { get; init; } = 18;

    /// <summary>
    /// The clinics' today; null for the real one. Fix it for data that does not move with the calendar.
    /// Visits up to "now" are charted; an open episode has at most a couple of visits booked ahead.
    /// </summary>
    public DateOnly? Today { get; init; }

    /// <summary>
    /// Clinic 1 is the demo clinic (Harbourside, seeded by the migrate step) when it is there: its
    /// manager then sees the data. The other clinics are new ones, each with therapists of its own.
    /// </summary>
    public bool IncludeDemoClinic { get; init; } = true;

    /// <summary>Episodes generated (and written) together; memory stays bounded whatever <see cref="Episodes"/> is.</summary>
    public int BatchEpisodes { get; init; } = 4000;

    /// <summary>
    /// The demo clinic's own history instead of synthetic clinics (null for those): see <see cref="DemoHistory"/>.
    /// <see cref="Clinics"/> and <see cref="IncludeDemoClinic"/> do not apply then.
    /// </summary>
    public DemoHistory? DemoHistory { get; init; }
}

/// <summary>
/// The demo clinic's history: its episodes go to these of its therapists only (found by email; the
/// generator makes up no therapist and no clinic), each with their share and tendencies; every visit
/// falls before <see cref="SeedOptions.Today"/> and none is booked ahead, so the demo seeder can still
/// book today's; and no patient is named like one of the hand-written demo patients.
/// The generator does not check whether the history is there already: the demo seeder does.
/// </summary>
public sealed record DemoHistory(IReadOnlyList<DemoHistoryTherapist> Therapists, IReadOnlyList<(string Given, string Family)> ReservedNames);

/// <summary>A demo therapist, by sign-in email, with their share of the episodes and how their episodes tend to go.</summary>
public sealed record DemoHistoryTherapist(string Email, bool DryNeedles, double Effect, double Weight, Tendencies Tends);
