namespace PtClinic.Domain.Clinics;

/// <summary>The paper the clinic prints handouts on.</summary>
public enum PaperSize
{
    A4,
    UsLetter,
}
