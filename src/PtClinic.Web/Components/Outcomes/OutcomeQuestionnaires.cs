using System.Globalization;
using PtClinic.Domain.Outcomes;

namespace PtClinic.Web.Components.Outcomes;

/// <summary>What the questionnaires say to the patient; the scoring stays in the domain.</summary>
public static class OutcomeQuestionnaires
{
    /// <summary>LEFS items in questionnaire order (Binkley et al. 1999).</summary>
    public static IReadOnlyList<string> LefsItems { get; } =
    [
        "Any of your usual work, housework or school activities",
        "Your usual hobbies, recreational or sporting activities",
        "Getting into or out of the bath",
        "Walking between rooms",
        "Putting on your shoes or socks",
        "Squatting",
        "Lifting an object, like a bag of groceries from the floor",
        "Performing light activities around your home",
        "Performing heavy activities around your home",
        "Getting into or out of a car",
        "Walking 2 blocks",
        "Walking a mile",
        "Going up or down 10 stairs (about 1 flight of stairs)",
        "Standing for 1 hour",
        "Sitting for 1 hour",
        "Running on even ground",
        "Running on uneven ground",
        "Making sharp turns while running fast",
        "Hopping",
        "Rolling over in bed",
    ];

    /// <summary>LEFS rating anchors, index = rating.</summary>
    public static IReadOnlyList<string> LefsAnchors { get; } =
    [
        "Extreme difficulty or unable",
        "Quite a bit of difficulty",
        "Moderate difficulty",
        "A little bit of difficulty",
        "No difficulty",
    ];

    /// <summary>
    /// ODI section names in questionnaire order. Only the names: the published statements are
    /// copyrighted, so the form shows our own anchors (<see cref="OdiAnchors"/>) instead.
    /// </summary>
    public static IReadOnlyList<string> OdiSections { get; } =
    [
        "Pain intensity",
        "Personal care",
        "Lifting",
        "Walking",
        "Sitting",
        "Standing",
        "Sleeping",
        "Sex life",
        "Social life",
        "Travelling",
    ];

    /// <summary>The section patients most often leave blank; the form says so next to it.</summary>
    public const int OdiSexLifeSection = 8;

    /// <summary>ODI anchors, index = rating; the middle ratings have no words of their own.</summary>
    public static IReadOnlyList<string> OdiAnchors { get; } = ["No difficulty", "", "", "", "", "Unable / worst"];

    public const string NprsLabel = "Pain now (0 = no pain, 10 = worst imaginable)";

    public const string PsfsLowAnchor = "Unable to perform";

    public const string PsfsHighAnchor = "Able to perform at prior level";

    public static string Title(OutcomeMeasure measure)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        return $"{definition.Name} ({definition.Abbreviation})";
    }

    /// <summary>"A change of 9 points or more is clinically important."</summary>
    public static string McidCaption(OutcomeMeasure measure)
    {
        var definition = OutcomeMeasureDefinition.For(measure);
        return $"A change of {Number(definition.Mcid)} {definition.Units} or more is clinically important.";
    }

    /// <summary>Which way is better, so "52" means something without the manual.</summary>
    public static string DirectionCaption(OutcomeMeasure measure) =>
        OutcomeMeasureDefinition.For(measure).Direction == ScoreDirection.HigherIsBetter
            ? "Higher scores are better."
            : "Lower scores are better.";

    /// <summary>The score as the therapist reads it: "LEFS 52 / 80", "PSFS 6.3 / 10", "ODI 34 %".</summary>
    public static string FormatScore(OutcomeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var definition = response.Definition;
        var score = Number(response.DisplayScore);
        return definition.Measure == OutcomeMeasure.Odi
            ? $"{definition.Abbreviation} {score} %"
            : $"{definition.Abbreviation} {score} / {Number(definition.Maximum)}";
    }

    private static string Number(decimal value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
