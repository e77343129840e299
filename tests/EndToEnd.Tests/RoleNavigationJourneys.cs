using Microsoft.Playwright;

namespace TokenPlatform.EndToEnd.Tests;

[Collection(BrowserJourneys.Name)]
public sealed class RoleNavigationJourneys(AppHost host)
{
    [Fact]
    public async Task DemoInvestor_LogsIn_SeesInvestorDashboardAndNoAdminLink()
    {
        var page = await host.LoginAsync("investor@demo.local");

        await page.WaitForSelectorAsync("[data-testid=investor-dashboard]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, "investor-dashboard.png"), FullPage = true });

        Assert.Equal(1, await page.Locator("[data-testid=nav-marketplace]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=nav-admin-users]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=nav-issuer-assets]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=admin-dashboard]").CountAsync());
        Assert.Equal("investor@demo.local", (await page.InnerTextAsync("[data-testid=current-user]")).Trim());
    }

    [Fact]
    public async Task DemoInvestor_OpeningAnAdminPage_IsDenied()
    {
        var page = await host.LoginAsync("investor@demo.local");

        await page.GotoAsync("/admin/users");

        Assert.EndsWith("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=users-table]").CountAsync());
    }

    [Fact]
    public async Task DemoAdmin_SeesAdminNavigationAndTheUsersTable()
    {
        var page = await host.LoginAsync("admin@demo.local");

        await page.WaitForSelectorAsync("[data-testid=admin-dashboard]");
        await page.ClickAsync("[data-testid=nav-admin-users]");
        await page.WaitForSelectorAsync("[data-testid=users-table] >> text=investor@demo.local");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, "admin-users.png"), FullPage = true });

        Assert.Equal(0, await page.Locator("[data-testid=nav-marketplace]").CountAsync());
    }

    [Fact]
    public async Task DemoIssuer_CreatesADraft_WithAFieldErrorFirst()
    {
        var page = await host.LoginAsync("issuer@demo.local");
        await page.GotoAsync("/issuer/assets");
        await AppHost.WaitUntilInteractiveAsync(page);

        await page.ClickAsync("[data-testid=draft-submit]");
        await page.WaitForSelectorAsync("text=The name is required.");

        // A new draft opens the tokenization wizard.
        await AppHost.CreateDraftAsync(page, "Music royalty", "Night Drive (master)");
        await page.WaitForSelectorAsync("text=Night Drive (master)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppHost.ScreenshotDirectory, "issuer-wizard.png"), FullPage = true });
        Assert.Matches("/issuer/assets/[0-9a-f-]{36}/edit$", new Uri(page.Url).AbsolutePath);
    }
}
