using PtClinic.Application.Common.Results;

namespace PtClinic.Web.Components.Pages.Administration;

/// <summary>
/// The failed Result of a form's last save, shown next to each field until that field is changed
/// (the next save checks it again).
/// </summary>
public sealed class FormErrors
{
    private readonly HashSet<string> _corrected = new(StringComparer.OrdinalIgnoreCase);

    public Error? Error { get; private set; }

    public void Show(Error? error)
    {
        Error = error;
        _corrected.Clear();
    }

    public void Corrected(string field) => _corrected.Add(field);

    public string? For(string field) => _corrected.Contains(field) ? null : Error?.For(field);

    public bool Has(string field) => For(field) is not null;
}
