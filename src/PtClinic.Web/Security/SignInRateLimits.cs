using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace PtClinic.Web.Security;

/// <summary>
/// Sign-in and authenticator-code attempts are limited per client address, so one machine can
/// neither guess passwords quickly nor lock a colleague out (ten failures lock an account). A
/// clinic behind one shared address may need a higher limit: RateLimits__SignInAttemptsPerMinute.
/// </summary>
public static class SignInRateLimits
{
    public const string PermitsSetting = "RateLimits:SignInAttemptsPerMinute";
    public const int DefaultPermitsPerMinute = 6;

    public const string TooManyMessage = "Too many sign-in attempts from this network. Wait a minute, then try again.";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitsSetting, DefaultPermitsPerMinute);
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInAttempt(context)
                ? RateLimitPartition.GetSlidingWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8" /><title>Too many attempts · PtClinic</title>
                    <link rel="stylesheet" href="/app.css" /></head>
                    <body class="account-page"><main class="account-card" role="alert">
                    <h1 class="account-heading">Too many attempts</h1>
                    <p>{WebUtility.HtmlEncode(TooManyMessage)}</p>
                    <p><a href="/account/sign-in">Back to sign-in</a></p>
                    </main></body></html>
                    """,
                    cancellationToken);
            };
        });
    }

    private static bool IsSignInAttempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/sign-in");
}
