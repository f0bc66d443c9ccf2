using PtClinic.Domain.Clinics;

namespace PtClinic.UnitTests.Domain.Clinics;

public sealed class ClinicCalendarTests
{
    private static readonly ClinicCalendar London = ClinicCalendar.For("Europe/London");
    private static readonly ClinicCalendar Auckland = ClinicCalendar.For("Pacific/Auckland");

    [Fact]
    public void The_clinic_date_is_the_date_on_the_clinic_clock_not_in_UTC()
    {
        var lateEvening = new DateTimeOffset(2026, 7, 31, 23, 30, 0, TimeSpan.Zero);

        London.DateOf(lateEvening).ShouldBe(new DateOnly(2026, 8, 1));
        Auckland.DateOf(new DateTimeOffset(2026, 12, 1, 11, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 2));
        ClinicCalendar.Utc.DateOf(lateEvening).ShouldBe(new DateOnly(2026, 7, 31));
    }

    [Fact]
    public void A_local_time_round_trips_through_its_instant()
    {
        var instant = London.ToInstant(new DateOnly(2026, 7, 1), new TimeOnly(9, 0));

        instant.ShouldBe(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        London.Local(instant).TimeOfDay.ShouldBe(new TimeSpan(9, 0, 0));
        London.DateOf(instant).ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void A_time_the_spring_change_skips_lands_as_far_past_the_gap()
    {
        // London, 28 March 2027: clocks go from 01:00 GMT to 02:00 BST, so 01:30 never shows.
        var instant = London.ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(1, 30));

        instant.ShouldBe(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero));
        London.Local(instant).TimeOfDay.ShouldBe(new TimeSpan(2, 30, 0));
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_is_its_first_occurrence()
    {
        // London, 31 October 2027: clocks go back from 02:00 BST to 01:00 GMT, so 01:30 shows twice.
        var instant = London.ToInstant(new DateOnly(2027, 10, 31), new TimeOnly(1, 30));

        instant.ShouldBe(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_starts_when_the_clock_resumes()
    {
        // Santiago, 6 September 2026: clocks go from 00:00 (-04) straight to 01:00 (-03).
        var santiago = ClinicCalendar.For("America/Santiago");

        var (starts, ends) = santiago.DayOf(new DateOnly(2026, 9, 6));

        starts.ShouldBe(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero));
        santiago.Local(starts).TimeOfDay.ShouldBe(new TimeSpan(1, 0, 0));
        (ends - starts).ShouldBe(TimeSpan.FromHours(23));
    }

    [Fact]
    public void A_day_the_clocks_go_back_lasts_25_hours()
    {
        var (starts, ends) = London.DayOf(new DateOnly(2027, 10, 31));

        (ends - starts).ShouldBe(TimeSpan.FromHours(25));
    }

    [Theory]
    [InlineData("2026-03-13", 37)]
    [InlineData("2026-03-14", 38)]
    [InlineData("2026-12-31", 38)]
    public void Age_counts_whole_years_to_the_clinic_date(string today, int age)
    {
        ClinicCalendar.AgeOn(new DateOnly(1988, 3, 14), DateOnly.Parse(today)).ShouldBe(age);
    }

    [Theory]
    [InlineData("2027-02-28", 26)]
    [InlineData("2027-03-01", 27)]
    [InlineData("2028-02-29", 28)]
    public void Someone_born_on_29_February_has_their_birthday_on_1_March_in_other_years(string today, int age)
    {
        ClinicCalendar.AgeOn(new DateOnly(2000, 2, 29), DateOnly.Parse(today)).ShouldBe(age);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/London\0")]
    public void An_unknown_zone_falls_back_to_UTC_and_is_not_a_known_zone(string? id)
    {
        ClinicCalendar.For(id).ShouldBeSameAs(ClinicCalendar.Utc);
        ClinicCalendar.IsKnownZone(id).ShouldBeFalse();
    }

    [Fact]
    public void A_known_zone_keeps_its_IANA_id()
    {
        ClinicCalendar.IsKnownZone("Europe/London").ShouldBeTrue();
        London.ZoneId.ShouldBe("Europe/London");
    }
}
