using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;
using PtClinic.Application.Features.Treatment;
using PtClinic.Domain.Treatment;

namespace PtClinic.Application.Features.Handouts;

/// <summary>Which catalog items may have a handout picture: the clinic's items done at home, or at home or in the clinic.</summary>
internal static class IllustrationReading
{
    public const string CodeField = "InterventionCode";

    public const string CodeWords = "the intervention's code";

    public static bool IsHomeProgram(InterventionDefinition item) => item.Performer is Performer.Home or Performer.Both;

    /// <summary>The clinic's catalog item with this code when it is a home-program item (retired ones too: their handouts still print); why not otherwise.</summary>
    public static async Task<Result<CatalogEntry>> HomeProgramItemAsync(this IAppDbContext db, string code, CancellationToken cancellationToken)
    {
        var entry = await db.InterventionAsync(code, cancellationToken);
        if (entry is null)
        {
            return Error.Validation(CodeField, "The clinic's catalog has no item with this code. Choose one of its home-program items.");
        }

        return IsHomeProgram(entry.Definition)
            ? entry
            : Error.Validation(CodeField,
                $"{entry.Definition.Name} is done by the clinician, not at home, so no handout shows a picture of it. Choose a home-program item.");
    }
}
