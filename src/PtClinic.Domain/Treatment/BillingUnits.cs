namespace PtClinic.Domain.Treatment;

/// <summary>One service of a visit as the bill counts it: its CPT code, how it is billed, and its minutes.</summary>
public sealed record BillableService(string CptCode, BillingKind Billing, int Minutes);

/// <summary>One line of a visit's bill: a CPT code, the minutes spent on it and the units it is billed.</summary>
public sealed record BilledLine(string CptCode, BillingKind Billing, int Minutes, int Units);

/// <summary>What a visit bills: one line per CPT code, and the timed minutes the 8-minute rule counted.</summary>
public sealed record BillingSummary(IReadOnlyList<BilledLine> Lines, int TimedMinutes)
{
    public static BillingSummary Nothing { get; } = new([], 0);

    public int TimedUnits => Lines.Where(l => l.Billing == BillingKind.Timed).Sum(l => l.Units);

    public int TotalUnits => Lines.Sum(l => l.Units);
}

/// <summary>
/// The CMS 8-minute rule (Medicare Claims Processing Manual, ch. 5 §20.2). The minutes of every timed
/// service of the visit are added up: under 8 bill nothing, 8–22 one unit, 23–37 two, 38–52 three,
/// and so on, a unit per 15 minutes with the last one billed from 8 minutes on. The units go to the
/// services the CMS way: each first gets a unit per full 15 minutes it took, then the units left go
/// one each to the services with the most minutes left over. A service is its CPT code: two
/// exercises billed as 97110 are one service. Untimed services (hot/cold pack 97010, dry needling
/// 20560/20561) are billed once each whatever their minutes, and the count ignores them.
/// </summary>
public static class BillingUnits
{
    public const int MinutesPerUnit = 15;

    /// <summary>The fewest minutes that bill a unit, alone or as the remainder after full units.</summary>
    public const int Threshold = 8;

    /// <summary>The units that a total of timed minutes bills.</summary>
    public static int ForTimedMinutes(int totalMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalMinutes);
        return (totalMinutes + MinutesPerUnit - Threshold) / MinutesPerUnit;
    }

    public static BillingSummary Compute(IEnumerable<BillableService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var byCode = services
            .Where(s => s.Billing != BillingKind.NotBilled)
            .GroupBy(s => (s.CptCode, s.Billing))
            .Select(g => (g.Key.CptCode, g.Key.Billing, Minutes: g.Sum(s => s.Minutes)))
            .ToList();

        var timed = byCode.Where(s => s.Billing == BillingKind.Timed).ToList();
        var timedMinutes = timed.Sum(s => s.Minutes);
        var units = timed.ToDictionary(s => s.CptCode, s => s.Minutes / MinutesPerUnit);
        var left = ForTimedMinutes(timedMinutes) - units.Values.Sum();
        // At most one more unit each: the minutes left over are under 15 per service, so they add up
        // to fewer extra units than there are services with minutes left over.
        foreach (var service in timed
                     .Where(s => s.Minutes % MinutesPerUnit > 0)
                     .OrderByDescending(s => s.Minutes % MinutesPerUnit)
                     .ThenByDescending(s => s.Minutes)
                     .ThenBy(s => s.CptCode, StringComparer.Ordinal)
                     .Take(left))
        {
            units[service.CptCode]++;
        }

        var lines = byCode
            .Select(s => new BilledLine(s.CptCode, s.Billing, s.Minutes, s.Billing == BillingKind.Timed ? units[s.CptCode] : 1))
            .OrderBy(l => l.Billing)
            .ThenBy(l => l.CptCode, StringComparer.Ordinal)
            .ToList();
        return new BillingSummary(lines, timedMinutes);
    }
}
