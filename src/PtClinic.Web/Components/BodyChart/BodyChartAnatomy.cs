using PtClinic.Domain.Assessment;

namespace PtClinic.Web.Components.BodyChart;

/// <summary>
/// The drawing, in the units of the chart's viewBox, written for the patient's right side as (distance
/// from the midline, height). Landmarks: drawing cut at the lower ribs y 56, waist y 124, iliac crest
/// y 160–180, greater trochanter y 225–255, gluteal fold y 320, knee crease y 520, widest calf y 585,
/// ankle y 739, heel y 800. The tops of the adductor and the hamstrings lie on the lower border of
/// gluteus maximus so they seem to come out from under it; the centre of every third must stay
/// uncovered by other muscles, or a click there lands on the neighbour.
/// </summary>
internal static class BodyChartAnatomy
{
    public const double ViewWidth = 400;
    public const double ViewHeight = 820;
    public const double MidlineX = ViewWidth / 2;
    public const int FibresPerBelly = 3;

    /// <summary>Back to front: a muscle drawn later covers the ones before; the order is also the Tab order.</summary>
    public static IReadOnlyList<MuscleShape> Muscles { get; } =
    [
        // Deep to the erector spinae; its lateral border shows between the 12th rib and the iliac crest.
        new("quadratus-lumborum", [new(C(28, 98, 28, 125, 29, 150, 30, 176), C(56, 106, 64, 124, 66, 146, 62, 164), OriginCap: P(42, 94), InsertionCap: P(46, 178))]),

        // Erector spinae columns beside the spinous processes, tapering onto the back of the sacrum.
        new("lumbar-paraspinals", [new(C(6, 56, 6, 110, 7, 165, 9, 198), C(36, 56, 42, 100, 40, 160, 19, 198), InsertionCap: P(13, 212))]),

        // From the back of the ilium, sacrum and coccyx obliquely down and out to the iliotibial band and
        // gluteal tuberosity; the hamstrings come out from under its oblique lower border.
        new("gluteus-maximus", [new(C(24, 188, 50, 196, 78, 232, 104, 268), C(4, 270, 14, 300, 64, 340, 90, 354), OriginCap: P(4, 222), InsertionCap: P(104, 352))]),

        // Fan from the outer iliac crest to the greater trochanter, above and lateral to gluteus maximus.
        // Drawn after it so the whole fan stays clickable; the border between them looks the same either way.
        new("gluteus-medius", [new(C(84, 176, 94, 192, 101, 222, 104, 256), C(30, 190, 52, 200, 78, 236, 96, 266), OriginCap: P(62, 150), InsertionCap: P(102, 266))]),

        // Deep band from the front of the sacrum, along the lower border of gluteus medius, to the top of the
        // greater trochanter.
        new("piriformis", [new(C(14, 196, 40, 202, 70, 226, 94, 252), C(14, 218, 40, 228, 70, 244, 94, 260), OriginCap: P(6, 207), InsertionCap: P(99, 257))], IsDeep: true),

        // Medial upper thigh, from the ischiopubic ramus towards the adductor tubercle.
        new("adductor-magnus", [new(C(5, 273, 5, 330, 6, 400, 8, 436), C(20, 296, 22, 350, 18, 410, 14, 444), InsertionCap: P(10, 452))]),

        // Two heads from the femoral condyles; the medial head is bigger and reaches lower. Drawn before the
        // hamstrings because their tendons cross over the heads at the back of the knee.
        new(
            "gastrocnemius",
            [
                new(C(20, 496, 2, 531, 4, 625, 34, 668), C(42, 498, 50, 554, 51, 620, 44, 657), OriginCap: P(32, 486), InsertionCap: P(40, 675)),
                new(C(44, 498, 41, 548, 42, 606, 48, 634), C(64, 494, 92, 531, 88, 607, 54, 639), OriginCap: P(55, 484), InsertionCap: P(50, 648)),
            ]),

        // Most medial hamstring: under semitendinosus above, broad beside it towards the knee.
        new("semimembranosus", [new(C(18, 294, 20, 380, 10, 450, 15, 518), C(30, 307, 34, 380, 46, 455, 30, 518), InsertionCap: P(22, 530))]),

        // From the ischial tuberosity; its long distal tendon runs to the medial tibia.
        new("semitendinosus", [new(C(30, 307, 28, 380, 34, 450, 28, 526), C(52, 328, 56, 385, 44, 455, 32, 526), InsertionCap: P(30, 536))]),

        // From the linea aspera in the distal half of the thigh, lateral to and partly under the long head.
        new("biceps-femoris-short-head", [new(C(70, 392, 70, 430, 68, 480, 70, 527), C(84, 386, 92, 430, 90, 480, 78, 527), OriginCap: P(76, 378), InsertionCap: P(74, 538))]),

        // Lateral hamstring, from the ischial tuberosity to the head of the fibula.
        new("biceps-femoris-long-head", [new(C(48, 324, 48, 390, 56, 470, 66, 530), C(76, 345, 80, 400, 72, 470, 72, 530), InsertionCap: P(70, 542))]),
    ];

    /// <summary>The right half of the skin outline, down the outside of the leg, round the heel and up the inside.</summary>
    public static IReadOnlyList<Cubic> Silhouette { get; } = Chain(
        78, 56,
        79, 80, 71, 100, 70, 124, // flank to the waist
        69, 146, 76, 162, 86, 176, // over the iliac crest
        97, 194, 104, 222, 104, 252, // hip at the greater trochanter
        104, 278, 103, 300, 101, 322,
        99, 382, 90, 445, 84, 488, // outer thigh
        81, 503, 80, 513, 81, 526, // outer knee
        84, 543, 89, 561, 88, 582, // outer calf
        87, 623, 70, 657, 62, 698,
        58, 718, 58, 730, 58, 739, // to the lateral malleolus
        56, 750, 63, 757, 62, 769,
        62, 789, 52, 800, 40, 800, // heel
        28, 800, 18, 789, 18, 769,
        18, 757, 23, 748, 21, 739, // medial malleolus
        20, 714, 14, 680, 8, 645,
        2, 616, 1, 598, 3, 577, // inner calf
        6, 552, 9, 536, 10, 520, // inner knee
        11, 470, 4, 430, 4, 380, // inner thigh
        4, 350, 2, 336, 0, 326); // crotch

    /// <summary>What lies around the catalog muscles, drawn under them.</summary>
    public static IReadOnlyList<ContextShape> Context { get; } =
    [
        new("bc-tendon", Chain(30, 56, 48, 56, 62, 56, 64, 60, 64, 100, 66, 140, 64, 172, 52, 180, 42, 184, 34, 188, 32, 140, 30, 100, 30, 56)), // thoracolumbar fascia
        new("bc-context-muscle", Chain(60, 56, 66, 56, 72, 56, 78, 56, 76, 80, 68, 100, 67, 124, 66, 146, 72, 160, 82, 172, 74, 166, 68, 163, 62, 162, 64, 140, 62, 118, 56, 104, 56, 90, 58, 70, 60, 56)), // external oblique
        new("bc-context-muscle", Chain(70, 320, 86, 318, 100, 330, 99, 356, 97, 420, 90, 480, 82, 512, 80, 520, 76, 522, 72, 516, 78, 470, 80, 420, 74, 370, 72, 345, 70, 330, 70, 320)), // vastus lateralis
        new("bc-tendon", Chain(96, 296, 101, 330, 99, 420, 87, 500, 85, 512, 83, 516, 80, 514, 88, 470, 94, 400, 92, 340, 92, 320, 93, 304, 96, 296)), // iliotibial band
        new("bc-context-muscle", Chain(3, 322, 4, 380, 6, 460, 12, 531, 14, 536, 16, 531, 15, 520, 11, 470, 9, 400, 10, 325, 8, 320, 5, 320, 3, 322)), // gracilis
        new("bc-fossa", Chain(46, 468, 56, 488, 62, 505, 64, 522, 62, 543, 54, 556, 46, 568, 38, 556, 30, 543, 28, 522, 30, 505, 36, 488, 46, 468)), // popliteal fossa
        new("bc-context-muscle", Chain(10, 561, 5, 611, 12, 680, 36, 718, 40, 723, 48, 723, 52, 718, 70, 689, 86, 625, 82, 561, 60, 579, 30, 579, 10, 561)), // soleus
        new("bc-tendon", Chain(36, 652, 38, 691, 38, 725, 36, 769, 40, 773, 46, 773, 50, 769, 48, 725, 48, 691, 50, 652, 46, 645, 40, 645, 36, 652)), // Achilles tendon
        new("bc-bone", Chain(0, 176, 10, 176, 20, 178, 24, 184, 20, 215, 10, 245, 2, 262, 1, 265, -1, 265, -2, 262, -10, 245, -20, 215, -24, 184, -20, 178, -10, 176, 0, 176), BothSides: false), // sacrum
    ];

    /// <summary>Heights of the L1–L5 spinous processes on the midline.</summary>
    public static IReadOnlyList<double> SpinousProcesses { get; } = [64, 90, 116, 142, 166];

    /// <summary>Where each referred-pain area is shaded, as an ellipse clipped to the skin outline.</summary>
    public static IReadOnlyDictionary<ReferredPainArea, (ChartPoint Centre, double RadiusX, double RadiusY)> ReferralAreas { get; } =
        new Dictionary<ReferredPainArea, (ChartPoint, double, double)>
        {
            [ReferredPainArea.LowerBack] = (P(36, 124), 36, 60),
            [ReferredPainArea.Buttock] = (P(56, 262), 50, 60),
            [ReferredPainArea.PosteriorThigh] = (P(52, 415), 52, 96),
            [ReferredPainArea.LowerLeg] = (P(44, 632), 46, 112),
        };

    private static ChartPoint P(double x, double y) => new(x, y);

    private static Cubic C(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3) =>
        new(P(x0, y0), P(x1, y1), P(x2, y2), P(x3, y3));

    /// <summary>A start point followed by (control, control, end) triples.</summary>
    private static Cubic[] Chain(double x, double y, params ReadOnlySpan<double> rest)
    {
        var curves = new Cubic[rest.Length / 6];
        var start = P(x, y);
        for (var i = 0; i < curves.Length; i++)
        {
            var s = rest.Slice(i * 6, 6);
            curves[i] = new Cubic(start, P(s[0], s[1]), P(s[2], s[3]), P(s[4], s[5]));
            start = curves[i].P3;
        }

        return curves;
    }
}
