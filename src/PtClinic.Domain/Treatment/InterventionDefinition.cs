using PtClinic.Domain.Common;

namespace PtClinic.Domain.Treatment;

/// <summary>
/// One entry of the intervention catalog: what it is, who does it, its usual dose, how the patient
/// is told about it, when to be careful and when not at all, and how it is billed.
/// </summary>
/// <param name="Code">Stable identity, kebab-case; prescriptions and performed treatments refer to it.</param>
/// <param name="PatientWording">What the patient reads on the handout, in plain words; one step per line.</param>
/// <param name="CptCode">The usual CPT family when a clinician performs it (97110, 97140, 20560…); null when not billed.</param>
public sealed record InterventionDefinition(
    string Code,
    string Name,
    InterventionCategory Category,
    Performer Performer,
    Dose DefaultDose,
    string PatientWording,
    string Precautions,
    IReadOnlyList<InterventionContraindication> Contraindications,
    BillingKind Billing,
    string? CptCode)
{
    public const int CodeMaxLength = 60;
    public const int NameMaxLength = 120;
    public const int PatientWordingMaxLength = 4000;
    public const int PrecautionsMaxLength = 2000;
    public const int CptCodeMaxLength = 5;

    public bool IsHomeItem => Performer is Performer.Home or Performer.Both;

    public bool IsClinicItem => Performer is Performer.Clinician or Performer.Both;

    public bool IsTimed => Billing == BillingKind.Timed;

    /// <summary>The entry, or the first of its fields out of bounds as a sentence an admin reads.</summary>
    public InterventionDefinition Checked()
    {
        if (!Enum.IsDefined(Category))
        {
            throw new DomainException("Choose the intervention's category.");
        }

        if (!Enum.IsDefined(Performer))
        {
            throw new DomainException("Say who performs the intervention.");
        }

        if (!Enum.IsDefined(Billing))
        {
            throw new DomainException("Choose how the intervention is billed.");
        }

        if (Billing != BillingKind.NotBilled && string.IsNullOrWhiteSpace(CptCode))
        {
            throw new DomainException("A billed intervention needs its CPT code.");
        }

        if (CptCode is { } cpt && (cpt.Length != CptCodeMaxLength || !cpt.All(char.IsAsciiDigit)))
        {
            throw new DomainException("A CPT code is five digits, for example 97110.");
        }

        if ((Contraindications ?? []).GroupBy(c => c.Code).Any(g => g.Count() > 1))
        {
            throw new DomainException("List each contraindication once.");
        }

        if ((Contraindications ?? []).Any(c => !Enum.IsDefined(c.Code) || !Enum.IsDefined(c.Severity)))
        {
            throw new DomainException("Choose contraindications from the list.");
        }

        return this with
        {
            Code = Guard.Required(Code, "The code", CodeMaxLength),
            Name = Guard.Required(Name, "The name", NameMaxLength),
            PatientWording = Guard.Required(PatientWording, "The patient's instructions", PatientWordingMaxLength),
            Precautions = Guard.Optional(Precautions, "The precautions", PrecautionsMaxLength) ?? string.Empty,
            DefaultDose = (DefaultDose ?? Dose.None).Checked(),
            Contraindications = [.. (Contraindications ?? []).OrderBy(c => c.Code)],
            CptCode = Billing == BillingKind.NotBilled ? null : CptCode,
        };
    }
}
