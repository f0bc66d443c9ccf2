using PtClinic.Domain.Treatment;

namespace PtClinic.UnitTests.Domain.Treatment;

/// <summary>The 8-minute rule against the cases of the CMS manual (Claims Processing Manual ch. 5 §20.2) and its edges.</summary>
public sealed class BillingUnitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(22, 1)]
    [InlineData(23, 2)]
    [InlineData(37, 2)]
    [InlineData(38, 3)]
    [InlineData(52, 3)]
    [InlineData(53, 4)]
    [InlineData(67, 4)]
    [InlineData(68, 5)]
    public void Total_timed_minutes_give_the_units(int minutes, int units) =>
        BillingUnits.ForTimedMinutes(minutes).ShouldBe(units);

    /// <summary>Each case: the timed services of one visit ("code:minutes"), and the units each code bills.</summary>
    public static TheoryData<string, string, string> CmsCases() => new()
    {
        // One service alone.
        { "a single 7-minute service bills nothing", "97110:7", "97110:0" },
        { "a single 8-minute service bills one unit", "97110:8", "97110:1" },
        // CMS: 24 min 97112 + 23 min 97110 = 47 min, 3 units: 2 × 97112 and 1 × 97110.
        { "24 + 23 minutes: the extra unit to the longer remainder", "97112:24,97110:23", "97110:1,97112:2" },
        // CMS: 33 min 97110 + 7 min 97140 = 40 min, 3 units: the 7 minutes of manual therapy bill one.
        { "33 + 7 minutes: the 7-minute remainder bills its unit", "97110:33,97140:7", "97110:2,97140:1" },
        // 24 min 97110 + 7 min 97140 = 31 min, 2 units: 97110's 9 minutes left beat 97140's 7.
        { "24 + 7 minutes: both units to the longer service", "97110:24,97140:7", "97110:2,97140:0" },
        // CMS: 7 min each of 97112, 97110 and 97140 = 21 min, 1 unit, to one of them.
        { "three 7-minute services make one unit", "97112:7,97110:7,97140:7", "97110:1,97112:0,97140:0" },
        // CMS: 5 + 5 + 5 = 15 timed minutes, 1 unit.
        { "three 5-minute services make one unit", "97112:5,97110:5,97140:5", "97110:1,97112:0,97140:0" },
        // Two 7-minute services: 14 minutes, 1 unit.
        { "two 7-minute services make one unit", "97110:7,97140:7", "97110:1,97140:0" },
        // CMS: 20 + 20 minutes = 40, 3 units: one service takes the third.
        { "20 + 20 minutes: three units", "97112:20,97110:20", "97110:2,97112:1" },
        // Full units first: 45 min of 97110 is 3 units whatever else is there.
        { "full units go first", "97110:45,97140:4", "97110:3,97140:0" },
        // Two exercises billed as 97110 are one service: 10 + 8 = 18 minutes, 1 unit.
        { "one code counts once", "97110:10,97110:8", "97110:1" },
    };

    [Theory]
    [MemberData(nameof(CmsCases))]
    public void Units_go_to_the_services_the_CMS_way(string why, string services, string expected)
    {
        var billed = BillingUnits.Compute(Parse(services, BillingKind.Timed));

        string.Join(",", billed.Lines.Select(l => $"{l.CptCode}:{l.Units}")).ShouldBe(expected, why);
        billed.TimedUnits.ShouldBe(BillingUnits.ForTimedMinutes(billed.TimedMinutes), why);
    }

    [Fact]
    public void Untimed_services_bill_once_each_and_the_count_ignores_them()
    {
        var billed = BillingUnits.Compute(
        [
            new("97010", BillingKind.Untimed, 20),
            new("97010", BillingKind.Untimed, 10),
            new("20560", BillingKind.Untimed, 0),
            new("97110", BillingKind.Timed, 7),
        ]);

        billed.TimedMinutes.ShouldBe(7);
        billed.Lines.Select(l => (l.CptCode, l.Units)).ShouldBe([("97110", 0), ("20560", 1), ("97010", 1)]);
        billed.TotalUnits.ShouldBe(2);
    }

    [Fact]
    public void Services_not_billed_are_left_off_the_bill() =>
        BillingUnits.Compute([new("97110", BillingKind.NotBilled, 30)]).Lines.ShouldBeEmpty();

    private static List<BillableService> Parse(string services, BillingKind billing) =>
        [.. services.Split(',').Select(s => s.Split(':')).Select(p => new BillableService(p[0], billing, int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
}
