using Microsoft.EntityFrameworkCore;
using PtClinic.Application.Common.Abstractions;

namespace PtClinic.Application.Features.Handouts.Illustrations;

public static partial class HandoutIllustrations
{
    /// <summary>
    /// The picture a handout prints for each of these intervention codes, as the current clinic has
    /// them: the clinic's own upload where it made one, else the drawing PtClinic ships. A code with
    /// neither (a clinic's own exercise it gave no picture) is absent. One query, for the uploads.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, HandoutImage>> ForClinicAsync(
        this IAppDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(codes);
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var images = new Dictionary<string, HandoutImage>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return images;
        }

        var uploaded = await db.ClinicIllustrations.AsNoTracking()
            .Where(i => wanted.Contains(i.InterventionCode))
            .Select(i => new { i.InterventionCode, i.Hash, i.ContentType, i.Content })
            .ToListAsync(ct);
        foreach (var code in wanted)
        {
            if (Default(code) is { } drawing)
            {
                images[code] = drawing;
            }
        }

        foreach (var own in uploaded)
        {
            images[own.InterventionCode] = new HandoutImage(own.Hash, own.ContentType, own.Content);
        }

        return images;
    }
}
