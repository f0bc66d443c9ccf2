using NetArchTest.Rules;
using PtClinic.Application.Common.Results;
using PtClinic.Domain.Patients;
using PtClinic.Infrastructure.Persistence;

namespace PtClinic.UnitTests.Architecture;

/// <summary>Dependencies point inward only: Web → Infrastructure → Application → Domain.</summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Patient).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Result).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(AppDbContext).Assembly;

    [Fact]
    public void Domain_references_no_package_and_no_other_project()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldAllBe(name => name == "System.Runtime" || name.StartsWith("System.") || name == "netstandard");
    }

    [Fact]
    public void Domain_types_do_not_depend_on_frameworks_or_outer_layers()
    {
        var result = Types.InAssembly(Domain)
            .ShouldNot()
            .HaveDependencyOnAny(
                "PtClinic.Application", "PtClinic.Infrastructure", "PtClinic.Web",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Application_does_not_reference_Infrastructure_or_Web()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name).ToList();
        references.ShouldNotContain("PtClinic.Infrastructure");
        references.ShouldNotContain("PtClinic.Web");
        references.ShouldNotContain("Npgsql");
        references.ShouldNotContain("Npgsql.EntityFrameworkCore.PostgreSQL");

        var result = Types.InAssembly(Application)
            .ShouldNot()
            .HaveDependencyOnAny("PtClinic.Infrastructure", "PtClinic.Web", "Npgsql", "Microsoft.AspNetCore", "MudBlazor")
            .GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Infrastructure_does_not_reference_Web()
    {
        Infrastructure.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("PtClinic.Web");
    }
}
