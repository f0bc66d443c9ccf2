using PtClinic.Domain.Clinics;
using PtClinic.Domain.Common;

namespace PtClinic.UnitTests.Domain.Clinics;

public sealed class OpeningHoursTests
{
    [Fact]
    public void Open_days_come_Monday_first_and_the_rest_are_closed()
    {
        var hours = OpeningHours.Of(
        [
            new OpenDay(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
            new OpenDay(DayOfWeek.Sunday, new TimeOnly(10, 0), new TimeOnly(12, 0)),
            new OpenDay(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(19, 0)),
        ]);

        hours.OpenDays.Select(d => d.Day).ShouldBe([DayOfWeek.Monday, DayOfWeek.Saturday, DayOfWeek.Sunday]);
        hours.On(DayOfWeek.Tuesday).ShouldBeNull();
        hours.On(DayOfWeek.Monday)!.Closes.ShouldBe(new TimeOnly(19, 0));
    }

    [Theory]
    [InlineData(18, 8)]
    [InlineData(8, 8)]
    public void A_day_that_closes_before_or_when_it_opens_is_refused(int opens, int closes)
    {
        Should.Throw<DomainException>(() => new OpenDay(DayOfWeek.Wednesday, new TimeOnly(opens, 0), new TimeOnly(closes, 0)))
            .Message.ShouldBe("On Wednesday the clinic must close after it opens.");
    }

    [Fact]
    public void A_day_with_two_sets_of_hours_is_refused()
    {
        Should.Throw<DomainException>(() => OpeningHours.Of(
        [
            new OpenDay(DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
            new OpenDay(DayOfWeek.Friday, new TimeOnly(13, 0), new TimeOnly(17, 0)),
        ]));
    }
}
