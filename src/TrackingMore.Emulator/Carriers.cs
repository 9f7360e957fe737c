using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>What the script of a carrier's checkpoint texts is.</summary>
internal enum Script : byte { Latin, Chinese, Cyrillic }

/// <param name="Homepage">As the real list sends it: some scheme-less ("//www.dhl.com/").</param>
/// <param name="Country">ISO-2 of the carrier's home (head office for global express companies).</param>
internal sealed record CarrierRecord(
    string Code, string Name, string Phone, string Homepage, string Type, string Country, Script Script = Script.Latin)
{
    /// <summary>The link inside origin_info/destination_info always has a scheme.</summary>
    public string Weblink => Homepage.StartsWith("//", StringComparison.Ordinal) ? "http:" + Homepage : Homepage;

    public bool IsExpress => Type == "express";
}

/// <summary>The carriers the emulator knows, with the codes TrackingMore uses, and number-pattern detection.</summary>
internal static partial class Carriers
{
    private const string Express = "express";
    private const string Post = "globalpost";

    public static readonly CarrierRecord[] All =
    [
        new("dhl", "DHL", "1 800 225 5345", "//www.dhl.com/", Express, "DE"),
        new("ups", "UPS", "1 800 742 5877", "https://www.ups.com/", Express, "US"),
        new("fedex", "Fedex", "1 800 247 4747", "http://www.fedex.com/", Express, "US"),
        new("tnt", "TNT", "1 800 558 5555", "//www.tnt.com/", Express, "NL"),
        new("aramex", "Aramex", "+971 600 544000", "http://www.aramex.com/", Express, "AE"),
        new("dpd", "DPD", "+33 1 55 35 02 00", "//www.dpd.com/", Express, "FR"),
        new("gls", "GLS", "+31 34 5593911", "https://gls-group.eu/", Express, "NL"),
        new("toll", "Toll", "13 15 31", "//www.tollgroup.com/", Express, "AU"),
        new("dhl-germany", "DHL Paket", "+49 228 28609898", "https://www.dhl.de/", Express, "DE"),
        new("sf-express", "S.F Express", "95338", "http://www.sf-express.com/", Express, "CN", Script.Chinese),
        new("yunexpress", "YunExpress", "4000-2621-26", "//www.yunexpress.com/", Express, "CN"),
        new("4px", "4PX", "0755-23508000", "http://www.4px.com/", Express, "CN"),
        new("bestex", "Best Express", "+86 4009 565656", "http://www.800bestex.com/", Express, "CN", Script.Chinese),
        new("yto", "YTO Express", "95554", "http://www.yto.net.cn/", Express, "CN", Script.Chinese),
        new("zto", "ZTO Express", "95311", "https://www.zto.com/", Express, "CN", Script.Chinese),
        new("sto", "STO Express", "95543", "http://www.sto.cn/", Express, "CN", Script.Chinese),
        new("yunda", "Yunda Express", "95546", "http://www.yundaex.com/", Express, "CN", Script.Chinese),
        new("yanwen", "Yanwen", "4001-083-600", "//www.yw56.com.cn/", Express, "CN"),
        new("cainiao", "Cainiao", "+86 0571-85022088", "https://global.cainiao.com/", Express, "CN"),
        new("ontrac", "OnTrac", "1 800 334 5000", "//www.ontrac.com/", Express, "US"),
        new("lasership", "LaserShip", "1 800 527 3764", "http://www.lasership.com/", Express, "US"),
        new("purolator", "Purolator", "1 888 744 7123", "//www.purolator.com/", Express, "CA"),
        new("parcelforce", "Parcel Force", "+44 344 800 4466", "http://www.parcelforce.com/", Express, "GB"),
        new("hermes", "Hermes", "+44 330 333 6556", "https://www.myhermes.co.uk/", Express, "GB"),
        new("dpd-uk", "DPD UK", "+44 121 275 0500", "http://www.dpd.co.uk/", Express, "GB"),
        new("yodel", "Yodel", "+44 800 0152 662", "//www.yodel.co.uk/", Express, "GB"),
        new("chronopost", "Chronopost", "+33 969 391 391", "//www.chronopost.fr/", Express, "FR"),
        new("china-post", "China post", "86 20 11185", "//intmail.183.com.cn/", Post, "CN"),
        new("china-ems", "China EMS", "11183", "http://www.ems.com.cn/", Post, "CN"),
        new("hong-kong-post", "Hong Kong Post", "852 2921 2222", "http://www.hongkongpost.hk/", Post, "HK"),
        new("usps", "USPS", "1-800-275-8777", "http://www.usps.com/", Post, "US"),
        new("royal-mail", "Royal Mail", "+44 1752 387112", "http://www.royalmail.com/", Post, "GB"),
        new("deutsch-post", "Deutsche Post", "+49 228 4333112", "//www.deutschepost.de/", Post, "DE"),
        new("la-poste", "La Poste", "3631", "http://www.laposte.fr/", Post, "FR"),
        new("colissimo", "Colissimo", "3631", "https://www.laposte.fr/colissimo", Post, "FR"),
        new("poste-italiane", "Poste Italiane", "+39 803 160", "http://www.poste.it/", Post, "IT"),
        new("spain-correos-es", "Correos de España", "+34 902197197", "http://www.correos.es/", Post, "ES"),
        new("netherlands-post", "PostNL", "+31 900 0990", "//www.postnl.nl/", Post, "NL"),
        new("japan-post", "Japan Post", "+81 0570-046111", "//www.post.japanpost.jp/", Post, "JP"),
        new("korea-post", "Korea Post", "82-2-2108-9895", "http://www.epost.go.kr/", Post, "KR"),
        new("australia-post", "Australia Post", "13 13 18", "//auspost.com.au/", Post, "AU"),
        new("canada-post", "Canada Post", "1 866 607 6301", "http://www.canadapost.ca/", Post, "CA"),
        new("brazil-correios", "Brazil Correios", "+55 3003 0100", "http://www.correios.com.br/", Post, "BR"),
        new("russian-post", "Russian Post", "8-800-2005-888", "https://www.pochta.ru/", Post, "RU", Script.Cyrillic),
        new("phlpost", "PHLPost", "+ (63) 854-9825", "http://www.phlpost.gov.ph/", Post, "PH"),
        new("lietuvos-pastas", "Lietuvos Paštas", "(370) 8 700 55400", "http://www.post.lt/", Post, "LT"),
        new("colombia-post", "Colombia Post (4-72)", "(57-1) 4722000", "http://www.4-72.com.co/", Post, "CO"),
        new("singapore-post", "Singapore Post", "+65 6841 2000", "//www.singpost.com/", Post, "SG"),
        new("poczta-polska", "Poczta Polska", "+48 43 842 06 00", "http://www.poczta-polska.pl/", Post, "PL"),
        new("sweden-posten", "PostNord Sweden", "+46 771 33 33 10", "http://www.postnord.se/", Post, "SE"),
        new("israel-post", "Israel Post", "+972 2 629 0691", "http://www.israelpost.co.il/", Post, "IL"),
        new("correos-mexico", "Correos de Mexico", "+52 800 701 7000", "http://www.correosdemexico.gob.mx/", Post, "MX"),
        new("india-post", "India Post", "1800 11 2011", "//www.indiapost.gov.in/", Post, "IN"),
        new("new-zealand-post", "New Zealand Post", "+64 9 367 9710", "http://www.nzpost.co.nz/", Post, "NZ"),
        new("swiss-post", "Swiss Post", "+41 848 888 888", "https://www.post.ch/", Post, "CH"),
        new("austria-post", "Austrian Post", "+43 810 010 100", "http://www.post.at/", Post, "AT"),
        new("belgium-post", "Bpost", "+32 2 276 22 74", "http://www.bpost.be/", Post, "BE"),
        new("posten-norge", "Posten Norge", "+47 21316260", "//www.posten.no/", Post, "NO"),
        new("denmark-post", "PostNord Denmark", "+45 70 70 70 30", "http://www.postnord.dk/", Post, "DK"),
        new("finland-posti", "Finland Posti", "+358 200 71000", "http://www.posti.fi/", Post, "FI"),
        new("czech-post", "Česká pošta", "+420 840 111 244", "http://www.ceskaposta.cz/", Post, "CZ"),
        new("magyar-posta", "Magyar Posta", "+36 1 767 8200", "http://posta.hu/", Post, "HU"),
        new("ukrposhta", "Ukrposhta", "+380 800 500 440", "http://ukrposhta.ua/", Post, "UA"),
        new("turkey-post", "PTT Posta", "444 1 788", "http://www.ptt.gov.tr/", Post, "TR"),
        new("malaysia-post", "Malaysia Post", "+603 2727 9100", "http://www.pos.com.my/", Post, "MY"),
        new("thailand-post", "Thailand Post", "1545", "http://www.thailandpost.co.th/", Post, "TH"),
        new("taiwan-post", "Taiwan Post", "+886 2 2321 4311", "http://www.post.gov.tw/", Post, "TW"),
        new("saudi-post", "Saudi Post", "+966 9200 05700", "//www.sp.com.sa/", Post, "SA"),
        new("emirates-post", "Emirates Post", "600 599999", "http://www.emiratespost.ae/", Post, "AE"),
        new("south-africa-post", "South African Post Office", "+27 860 111 502", "http://www.postoffice.co.za/", Post, "ZA"),
        // Codes the documentation and official samples use (api-v2.md); appended so that the numbered pictures of
        // the posts above keep their numbers. Phones left empty where no public record gives one.
        new("postnl-3s", "PostNL International 3S", "+31 900 0990", "//www.postnl.post/", Post, "NL"),
        new("wishpost", "WishPost", "", "https://www.wishpost.cn/", Express, "CN"),
        new("nexive", "Nexive", "", "http://www.nexive.it/", Express, "IT"),
        new("gls-italy", "GLS Italy", "", "https://www.gls-italy.com/", Express, "IT"),
        new("bartolini", "BRT Bartolini", "", "//www.brt.it/", Express, "IT"),
        new("tnt-it", "TNT Italy", "", "//www.tnt.it/", Express, "IT"),
        new("sgt-it", "SGT Corriere Espresso", "", "http://www.sgt.it/", Express, "IT"),
        new("italy-sda", "Italy SDA", "", "http://www.sda.it/", Express, "IT"),
    ];

    private static readonly Dictionary<string, short> ByCode = All
        .Select((c, i) => (c.Code, Index: (short)i))
        .ToDictionary(x => x.Code, x => x.Index, StringComparer.Ordinal);

    public static short IndexOf(string code) => ByCode.TryGetValue(code, out var i) ? i : (short)-1;

    public static CarrierRecord Get(short index) => All[index];

    public static CarrierRecord Get(string code) => All[ByCode[code]];

    /// <summary>The syntax the API accepts for a carrier code; anything else is 4015 even before the lookup.</summary>
    public static bool IsWellFormedCode(string code) => CodeSyntax().IsMatch(code);

    /// <summary>Picture URLs are scheme-less like the real list; posts use the numbered "companylogo" form.</summary>
    public static string Picture(CarrierRecord c) => c.IsExpress
        ? $"//cdn.trackingmore.com/images/icons/express/{c.Code}.png"
        : $"//cdn.trackingmore.com/images/icons/express/companylogo/{1000 + 10 * IndexOf(c.Code)}.jpg";

    /// <summary>Candidate carriers for a number, most likely first; empty when nothing matches (4032).</summary>
    public static IReadOnlyList<CarrierRecord> Detect(string trackingNumber)
    {
        var n = trackingNumber.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var found = new List<CarrierRecord>();
        void Add(string code)
        {
            var c = Get(code);
            if (!found.Contains(c)) found.Add(c);
        }

        var s10 = UpuS10().Match(n);
        if (s10.Success)
        {
            var country = Geography.IndexOf(s10.Groups["cc"].Value);
            if (country >= 0)
            {
                // EMS items (E?...) from China belong to China EMS; everything else to the post of the suffix country.
                if (n[0] == 'E' && s10.Groups["cc"].Value == "CN") Add("china-ems");
                Add(Geography.All[country].PostalCarrier);
            }
        }
        if (UpsNumber().IsMatch(n)) Add("ups");
        if (YunExpressNumber().IsMatch(n)) Add("yunexpress");
        if (FourPxNumber().IsMatch(n)) Add("4px");
        if (ColissimoNumber().IsMatch(n)) Add("colissimo");
        if (PostNl3SNumber().IsMatch(n)) Add("postnl-3s");
        if (n.All(char.IsAsciiDigit))
        {
            switch (n.Length)
            {
                case 10: Add("dhl"); break;
                case 12 or 15: Add("fedex"); break;
                case 14: Add("bestex"); break;
                case 20 when n.StartsWith("00340", StringComparison.Ordinal): Add("dhl-germany"); break;
            }
            if (n.Length is >= 20 and <= 22 && n[0] == '9') Add("usps");
        }
        return found;
    }

    [GeneratedRegex("^[0-9a-z_-]+$")]
    private static partial Regex CodeSyntax();

    [GeneratedRegex(@"^[A-Z]{2}\d{9}(?<cc>[A-Z]{2})$")]
    private static partial Regex UpuS10();

    [GeneratedRegex("^1Z[0-9A-Z]{16}$")]
    private static partial Regex UpsNumber();

    [GeneratedRegex(@"^YT\d{16}$")]
    private static partial Regex YunExpressNumber();

    [GeneratedRegex(@"^4PX\d{10,16}CN$")]
    private static partial Regex FourPxNumber();

    [GeneratedRegex(@"^\d[A-Z]\d{11}$")]
    private static partial Regex ColissimoNumber();

    /// <summary>PostNL 3S: "3S", the sender's four-letter code, then digits.</summary>
    [GeneratedRegex(@"^3S[A-Z]{4}\d{5,11}$")]
    private static partial Regex PostNl3SNumber();
}
