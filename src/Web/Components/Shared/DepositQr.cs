using QRCoder;

namespace TokenPlatform.Web.Components.Shared;

/// <summary>A QR code (SVG, scales to its box) of an address, for wallets that scan.</summary>
internal static class DepositQr
{
    public static string Svg(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(148, 148), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
