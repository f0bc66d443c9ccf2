using PtClinic.Domain.Common;
using PtClinic.Domain.Treatment;

namespace PtClinic.UnitTests.Domain.Treatment;

public sealed class DoseTests
{
    [Theory]
    [InlineData(3, 10, null, null, null, 2, 5, "3 sets of 10, twice a day, 5 days a week")]
    [InlineData(3, null, 30, null, null, 1, 7, "3 sets, hold 30 seconds, once a day, every day")]
    [InlineData(null, null, null, 10, 15, null, null, "10 minutes on, 15 minutes off")]
    [InlineData(null, null, null, 30, null, null, 5, "30 minutes, 5 days a week")]
    [InlineData(1, 1, 1, null, null, 3, 1, "1 set of 1, hold 1 second, 3 times a day, 1 day a week")]
    [InlineData(null, null, null, null, null, null, null, "")]
    public void A_dose_reads_in_plain_words(int? sets, int? reps, int? hold, int? on, int? off, int? perDay, int? perWeek, string words)
    {
        var dose = new Dose { Sets = sets, Reps = reps, HoldSeconds = hold, MinutesOn = on, MinutesOff = off, TimesPerDay = perDay, DaysPerWeek = perWeek };

        dose.Describe().ShouldBe(words);
    }

    [Theory]
    [InlineData(0, "Sets must be 1 to 10.")]
    [InlineData(200, "Sets must be 1 to 10.")]
    public void Sets_out_of_range_are_refused(int sets, string message)
    {
        Should.Throw<DomainException>(() => new Dose { Sets = sets }.Checked()).Message.ShouldBe(message);
    }

    [Fact]
    public void A_three_hour_hold_and_negative_minutes_are_refused()
    {
        Should.Throw<DomainException>(() => new Dose { HoldSeconds = 3 * 60 * 60 }.Checked()).Message.ShouldBe("The hold must be 1 to 300 seconds.");
        Should.Throw<DomainException>(() => new Dose { MinutesOff = -5 }.Checked()).Message.ShouldBe("Minutes off must be 1 to 120.");
        Should.Throw<DomainException>(() => new Dose { DaysPerWeek = 8 }.Checked()).Message.ShouldBe("Days a week must be 1 to 7.");
    }

    [Fact]
    public void A_dose_at_its_bounds_is_accepted()
    {
        var dose = new Dose { Sets = Dose.MaxSets, Reps = Dose.MaxReps, HoldSeconds = Dose.MaxHoldSeconds, MinutesOn = Dose.MaxMinutes, TimesPerDay = Dose.MaxTimesPerDay, DaysPerWeek = 7 };

        dose.Checked().ShouldBe(dose);
    }
}
