using PtClinic.Application.Common.Results;

namespace PtClinic.UnitTests.Application;

public sealed class ResultTests
{
    [Fact]
    public void A_failed_result_has_no_value_to_read()
    {
        Result<int> result = Error.NotFound("Patient");

        result.IsSuccess.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void The_pipeline_can_fail_any_result_type()
    {
        var error = Error.Validation("GivenName", "Required");

        FailedResult<Result>.From(error).Error.ShouldBe(error);
        FailedResult<Result<Guid>>.From(error).Error.ShouldBe(error);
        FailedResult<Result<Guid>>.From(error).Error!.For("givenname").ShouldBe("Required");
    }

    [Fact]
    public void A_response_that_is_not_a_result_cannot_be_failed()
    {
        FailedResult<string>.IsSupported.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => FailedResult<string>.From(Error.Rule("x")));
    }
}
