using PtClinic.Domain.Common;

namespace PtClinic.Domain.Outcomes;

/// <summary>
/// The one mapping from answers as a form or an API sends them (ratings in questionnaire order,
/// activity names for PSFS) to the domain's scored responses. The dialog scores live with it, the
/// record command checks with it, and stored answers are re-scored with it.
/// </summary>
public static class OutcomeScoring
{
    /// <summary>
    /// Scores the answers. Incomplete or invalid answers throw a <see cref="DomainException"/>
    /// whose message is written for the therapist.
    /// </summary>
    /// <param name="ratings">NPRS one rating; LEFS 20; ODI 10 (null: section not answered); PSFS one per activity.</param>
    /// <param name="activityNames">PSFS only, one per rating; empty otherwise.</param>
    public static OutcomeResponse Score(OutcomeMeasure measure, IReadOnlyList<int?> ratings, IReadOnlyList<string> activityNames)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(activityNames);
        if (measure != OutcomeMeasure.Psfs && activityNames.Count != 0)
        {
            throw new DomainException($"Only PSFS answers name activities; {measure} came with {activityNames.Count}.");
        }

        return measure switch
        {
            OutcomeMeasure.Nprs => Nprs(ratings),
            OutcomeMeasure.Lefs => Lefs(ratings),
            OutcomeMeasure.Odi => OdiResponse.From(ratings),
            OutcomeMeasure.Psfs => Psfs(ratings, activityNames),
            _ => throw new DomainException("Choose a scored outcome measure."),
        };
    }

    private static LefsResponse Lefs(IReadOnlyList<int?> ratings) =>
        // Leaving out the blanks makes the domain refuse with its own "all 20 items answered; 18 were given".
        // With the wrong number of slots every slot is kept, so the domain refuses the count
        // (21 slots with one blank would otherwise leave 20 and pass).
        LefsResponse.From(ratings.Count == LefsResponse.ItemCount
            ? [.. ratings.OfType<int>()]
            : [.. ratings.Select(r => r ?? 0)]);

    private static NprsResponse Nprs(IReadOnlyList<int?> ratings)
    {
        if (ratings.Count != 1)
        {
            throw new DomainException($"NPRS has one pain rating; {ratings.Count} were given.");
        }

        return ratings[0] is { } rating
            ? NprsResponse.From(rating)
            : throw new DomainException($"NPRS needs the pain rating, 0 to {NprsResponse.MaxRating}.");
    }

    private static PsfsResponse Psfs(IReadOnlyList<int?> ratings, IReadOnlyList<string> names)
    {
        if (names.Count != ratings.Count)
        {
            throw new DomainException(
                $"PSFS answers need one activity name per rating; {names.Count} names and {ratings.Count} ratings were given.");
        }

        // A stand-in 0 for a missing rating lets the domain check the count and the names first;
        // the missing rating is reported after, naming the activity in the patient's words.
        var activities = names.Select((name, i) => new PsfsActivity(name, ratings[i] ?? 0)).ToList();
        var response = PsfsResponse.From(activities);

        var unrated = Enumerable.Range(1, ratings.Count).Where(n => ratings[n - 1] is null).ToList();
        if (unrated.Count > 0)
        {
            throw new DomainException(unrated.Count == 1
                ? $"PSFS activity {unrated[0]} ({response.Activities[unrated[0] - 1].Name}) needs a rating, 0 to {PsfsResponse.MaxRating}."
                : $"PSFS activities {string.Join(", ", unrated)} need a rating, 0 to {PsfsResponse.MaxRating}.");
        }

        return response;
    }
}
