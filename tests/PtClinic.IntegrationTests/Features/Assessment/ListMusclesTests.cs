using PtClinic.Application.Features.Assessment;
using PtClinic.Domain.Anatomy;
using PtClinic.Domain.Episodes;
using PtClinic.Domain.Staff;

namespace PtClinic.IntegrationTests.Features.Assessment;

public sealed class ListMusclesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_migration_seeds_the_three_hamstrings_and_their_neighbours_for_every_clinic()
    {
        var north = await App.AddClinicAsync("Northside Physio");
        var south = await App.AddClinicAsync("Southside Physio");

        var seenByNorth = (await App.SendAsync(AppFixture.StaffOf(north, StaffRoles.Therapist), new ListMusclesQuery())).Value;
        var seenBySouth = (await App.SendAsync(AppFixture.StaffOf(south, StaffRoles.ClinicManager), new ListMusclesQuery())).Value;

        seenByNorth.Select(m => m.Code).ShouldBe(MuscleCatalog.All.Select(m => m.Code));
        seenBySouth.ShouldBe(seenByNorth, ignoreOrder: false);
        seenByNorth.Where(m => m.Group == MuscleCatalog.Hamstrings).Select(m => m.Name).ShouldBe(
        [
            "Biceps femoris (long head)", "Biceps femoris (short head)", "Semitendinosus", "Semimembranosus",
        ]);
        seenByNorth.ShouldContain(m => m.Code == "gastrocnemius" && m.Region == BodyRegion.LowerLeg);
        seenByNorth.ShouldAllBe(m => m.Zones.Count == 3);
    }
}
