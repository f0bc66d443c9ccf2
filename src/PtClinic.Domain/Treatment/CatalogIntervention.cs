namespace PtClinic.Domain.Treatment;

/// <summary>
/// A row of the seeded intervention catalog: reference data, the same for every clinic, seeded by a
/// migration from <see cref="InterventionCatalog.All"/> and read-only to the app. A clinic changes
/// what it sees through its own <see cref="ClinicIntervention"/> rows, never by editing these.
/// </summary>
public sealed class CatalogIntervention
{
    private CatalogIntervention()
    {
        Code = Name = PatientWording = Precautions = string.Empty;
        DefaultDose = Dose.None;
        Contraindications = [];
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public InterventionCategory Category { get; private set; }

    public Performer Performer { get; private set; }

    public Dose DefaultDose { get; private set; }

    public string PatientWording { get; private set; }

    public string Precautions { get; private set; }

    public IReadOnlyList<InterventionContraindication> Contraindications { get; private set; }

    public BillingKind Billing { get; private set; }

    public string? CptCode { get; private set; }

    public int SortOrder { get; private set; }

    public InterventionDefinition Definition =>
        new(Code, Name, Category, Performer, DefaultDose, PatientWording, Precautions, Contraindications, Billing, CptCode);

    /// <summary>The migration's rows: the seeded list in its order.</summary>
    public static IEnumerable<CatalogIntervention> Seed() =>
        InterventionCatalog.All.Select((d, i) => new CatalogIntervention
        {
            Code = d.Code,
            Name = d.Name,
            Category = d.Category,
            Performer = d.Performer,
            DefaultDose = d.DefaultDose,
            PatientWording = d.PatientWording,
            Precautions = d.Precautions,
            Contraindications = d.Contraindications,
            Billing = d.Billing,
            CptCode = d.CptCode,
            SortOrder = (i + 1) * 10,
        });
}
