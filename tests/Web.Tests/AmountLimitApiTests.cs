using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;
using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Web.Tests;

/// <summary>Amounts beyond what the platform can hold are answered as field errors (200 with row errors, or 400), never 500.</summary>
public sealed class AmountLimitApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task<Asset> LiveAssetAsync(long tokenId)
    {
        using var scope = factory.Services.CreateScope();
        var issuer = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("issuer@demo.local");
        var asset = TestAssets.LiveArt(issuer!.Id, tokenId, [], 10_000);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(asset);
        await db.SaveChangesAsync();
        return asset;
    }

    [Fact]
    public async Task ImportPreview_WithAmountsBeyondTheLargest_Is200WithARowErrorForEach()
    {
        var asset = await LiveAssetAsync(301);
        using var client = await factory.LoggedInAsync("issuer@demo.local");
        const string csv = """
            reference,date,source,amount
            OK-1,2026-10-01,rent,100.00
            BIG-1,2026-10-02,rent,100000000000000000000000
            EXP-1,2026-10-03,rent,1e30
            LONG-1,2026-10-04,rent,1234567890123456789012345678901234567890
            DEC-1,2026-10-05,rent,79228162514264337593543950336.5
            """;

        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(Url($"/api/v1/assets/{asset.Id}/revenue/import/preview"), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 4), (preview.GetProperty("valid").GetInt32(), preview.GetProperty("invalid").GetInt32()));
        var invalid = preview.GetProperty("rows").EnumerateArray().Where(r => !r.GetProperty("valid").GetBoolean()).ToList();
        Assert.All(invalid, row => Assert.Contains(row.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "Amount"));
    }

    [Fact]
    public async Task Import_OfAStatementWithAnUnterminatedQuote_Is400NamingTheLineAndRecordsNothing()
    {
        var asset = await LiveAssetAsync(320);
        using var client = await factory.LoggedInAsync("issuer@demo.local");
        const string csv = "reference,date,source,amount\r\nOK-1,2026-10-01,rent,100.00\r\nOPEN-1,2026-10-02,\"rent,100.00\r\nOK-2,2026-10-03,rent,5\r\n";

        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync(Url($"/api/v1/assets/{asset.Id}/revenue/import"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("The file is not valid CSV at line 3:", problem.GetProperty("errors").GetProperty("File")[0].GetString(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TokenPlatform.Domain.Revenue.RevenueEvent>().Any(e => e.AssetId == asset.Id));
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("9223372036854775808")]
    public async Task Ingest_WithAnAmountBeyondALong_Is400(string amount)
    {
        var asset = await LiveAssetAsync(302 + amount.Length);
        using var scope = factory.Services.CreateScope();
        var issuer = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("issuer@demo.local");
        var key = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(new Domain.ApiKeys.CreateApiKey(issuer!.Id, "limits"))).Value.Secret;
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var json = $$"""{"reference":"R-{{amount.Length}}","date":"2026-10-31","source":"rent","amount":{{amount}}}""";

        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(Url($"/api/v1/assets/{asset.Id}/revenue"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
