namespace PtClinic.EndToEndTests;

public sealed class HealthTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string path)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        var response = await http.GetAsync(path, Xunit.TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(200);
        (await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }
}
