namespace TrackingMore.Emulator;

/// <summary>A country as the v2 API names it ("United States", "Korea, South", "Hong Kong [CN]").</summary>
/// <param name="UtcOffset">Hours: checkpoint dates are carrier local time without a zone, as in the real service.</param>
/// <param name="Cities">Checkpoint locations; US ones carry commas on purpose ("RENTON, WA 98056").</param>
/// <param name="LocalCities">Locations in the local script, for carriers that report in Chinese or Russian.</param>
internal sealed record Country(
    string Iso2, string Name, int UtcOffset, string PostalCarrier, string[] Cities, string[]? LocalCities = null);

internal static class Geography
{
    public static readonly Country[] All =
    [
        new("CN", "China", 8, "china-post", ["SHENZHEN", "GUANGZHOU", "SHANGHAI", "YIWU", "BEIJING", "HANGZHOU"],
            ["深圳市", "广州市", "上海市", "义乌市", "北京市", "吉林市", "杭州市", "天津市"]),
        new("US", "United States", -5, "usps",
            ["RENTON, WA 98056", "NEW YORK, NY 10001", "LOS ANGELES, CA 90052", "CHICAGO, IL 60607", "JAMAICA, NY 11430", "DALLAS, TX 75260"]),
        new("GB", "United Kingdom", 0, "royal-mail", ["LONDON", "HEATHROW", "MANCHESTER", "COVENTRY MAIL CENTRE", "GLASGOW"]),
        new("DE", "Germany", 1, "deutsch-post", ["Frankfurt", "Leipzig", "Berlin", "Köln", "München", "Hamburg"]),
        new("FR", "France", 1, "la-poste", ["Paris", "Roissy CDG", "Lyon", "Marseille", "Chilly-Mazarin"]),
        new("IT", "Italy", 1, "poste-italiane", ["Milano", "Roma", "Bologna", "Peschiera Borromeo"]),
        new("ES", "Spain", 1, "spain-correos-es", ["Madrid", "Barcelona", "Valencia", "Sevilla"]),
        new("NL", "Netherlands", 1, "netherlands-post", ["Amsterdam", "Rotterdam", "Utrecht", "Hoofddorp"]),
        new("JP", "Japan", 9, "japan-post", ["TOKYO", "OSAKA", "KAWASAKI", "NAGOYA"]),
        new("KR", "Korea, South", 9, "korea-post", ["SEOUL", "INCHEON", "BUSAN"]),
        new("AU", "Australia", 10, "australia-post", ["SYDNEY", "MELBOURNE", "BRISBANE", "PERTH"]),
        new("CA", "Canada", -5, "canada-post", ["TORONTO", "MONTREAL", "VANCOUVER", "MISSISSAUGA"]),
        new("BR", "Brazil", -3, "brazil-correios", ["CURITIBA - PR", "SAO PAULO - SP", "RIO DE JANEIRO - RJ"]),
        new("RU", "Russia", 3, "russian-post", ["MOSCOW", "SAINT PETERSBURG", "NOVOSIBIRSK"],
            ["Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань"]),
        new("PH", "Philippines", 8, "phlpost", ["PHILIPPINES", "MANILA CPO", "PASAY"]),
        new("LT", "Lithuania", 2, "lietuvos-pastas", ["VILNIUS", "KAUNAS", "HK AMC"]),
        new("HK", "Hong Kong [CN]", 8, "hong-kong-post", ["HONG KONG", "AIR MAIL CENTRE", "KOWLOON"]),
        new("CO", "Colombia", -5, "colombia-post", ["BOGOTA", "CTP.CENTRO A", "MEDELLIN"]),
        new("SG", "Singapore", 8, "singapore-post", ["SINGAPORE", "SINGAPORE POST CENTRE"]),
        new("PL", "Poland", 1, "poczta-polska", ["Warszawa", "Kraków", "Łódź"]),
        new("SE", "Sweden", 1, "sweden-posten", ["Stockholm", "Göteborg", "Malmö"]),
        new("IL", "Israel", 2, "israel-post", ["TEL AVIV", "JERUSALEM", "HAIFA"]),
        new("MX", "Mexico", -6, "correos-mexico", ["CIUDAD DE MEXICO", "GUADALAJARA", "MONTERREY"]),
        new("IN", "India", 5, "india-post", ["NEW DELHI", "MUMBAI", "BENGALURU"]),
        new("NZ", "New Zealand", 12, "new-zealand-post", ["AUCKLAND", "WELLINGTON", "CHRISTCHURCH"]),
        new("CH", "Switzerland", 1, "swiss-post", ["Zürich", "Bern", "Genève"]),
        new("NO", "Norway", 1, "posten-norge", ["Oslo", "Bergen", "Tromsø"]),
        new("AT", "Austria", 1, "austria-post", ["Wien", "Graz", "Linz"]),
        new("BE", "Belgium", 1, "belgium-post", ["Brussel", "Antwerpen", "Liège"]),
        new("DK", "Denmark", 1, "denmark-post", ["København", "Aarhus", "Odense"]),
        new("FI", "Finland", 2, "finland-posti", ["Helsinki", "Vantaa", "Tampere"]),
        new("CZ", "Czech Republic", 1, "czech-post", ["Praha", "Brno", "Ostrava"]),
        new("HU", "Hungary", 1, "magyar-posta", ["Budapest", "Debrecen", "Szeged"]),
        new("UA", "Ukraine", 2, "ukrposhta", ["KYIV", "LVIV", "ODESA"]),
        new("TR", "Turkey", 3, "turkey-post", ["ISTANBUL", "ANKARA", "IZMIR"]),
        new("MY", "Malaysia", 8, "malaysia-post", ["KUALA LUMPUR", "PENANG", "JOHOR BAHRU"]),
        new("TH", "Thailand", 7, "thailand-post", ["BANGKOK", "CHIANG MAI", "PHUKET"]),
        new("TW", "Taiwan", 8, "taiwan-post", ["TAIPEI", "TAOYUAN", "KAOHSIUNG"]),
        new("SA", "Saudi Arabia", 3, "saudi-post", ["RIYADH", "JEDDAH", "DAMMAM"]),
        new("AE", "United Arab Emirates", 4, "emirates-post", ["DUBAI", "ABU DHABI", "SHARJAH"]),
        new("ZA", "South Africa", 2, "south-africa-post", ["JOHANNESBURG", "CAPE TOWN", "DURBAN"]),
    ];

    private static readonly Dictionary<string, int> ByKey = BuildIndex();

    private static Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < All.Length; i++)
        {
            d[All[i].Iso2] = i;
            d[All[i].Name] = i;
        }
        d["UK"] = d["GB"];
        d["Korea"] = d["KR"];
        d["Hong Kong"] = d["HK"];
        return d;
    }

    /// <summary>Finds a country by ISO-2 code or by name, case-insensitively.</summary>
    public static int IndexOf(string? isoOrName) =>
        isoOrName is not null && ByKey.TryGetValue(isoOrName.Trim(), out var i) ? i : -1;
}
