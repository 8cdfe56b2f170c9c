using System.Collections.Frozen;

namespace Huawu.ContactCenter.Compliance.Zones;

/// <summary>
/// North American area codes (NPAs) to the country and IANA time zones of the places they serve. Built by hand from the NANPA
/// area code assignments (nationalnanpa.com, "NPA Database" and the area code maps of the US and Canada, CNAC for Canada) and
/// the zone boundaries of the IANA tz database (zone1970.tab, backward). An area code that straddles a time zone boundary
/// lists every zone it reaches (e.g. 850, Florida's panhandle: Central and Eastern); the gate then requires the calling window
/// to be open in all of them, the reading of 47 CFR 64.1200(c)(1) that never calls anyone outside it. Codes not listed (new
/// overlays, non-geographic 5XX/8XX) fall back to the list's zone.
/// </summary>
public static class NorthAmericanZones
{
    private const string NewYork = "America/New_York", Chicago = "America/Chicago", Denver = "America/Denver", Phoenix = "America/Phoenix",
        LosAngeles = "America/Los_Angeles", Anchorage = "America/Anchorage", Honolulu = "Pacific/Honolulu", Boise = "America/Boise",
        Detroit = "America/Detroit", Indianapolis = "America/Indiana/Indianapolis", Louisville = "America/Kentucky/Louisville",
        Toronto = "America/Toronto", Winnipeg = "America/Winnipeg", Regina = "America/Regina", Edmonton = "America/Edmonton",
        Vancouver = "America/Vancouver", Halifax = "America/Halifax", Moncton = "America/Moncton", StJohns = "America/St_Johns",
        Whitehorse = "America/Whitehorse";

    // Single-zone US areas by zone (states and territories), then the codes that cross a zone line.
    private static readonly (string Country, string Codes, string[] Zones)[] Table =
    [
        ("US", "201 202 203 207 212 215 216 220 223 227 229 234 239 240 267 272 276 283 301 302 304 305 315 321 324 326 330 332 339 " +
               "347 351 352 363 380 386 401 404 407 410 412 413 419 423 434 436 440 443 445 470 475 478 484 516 518 540 551 561 " +
               "567 570 571 582 585 603 607 609 610 614 617 631 640 645 646 656 667 678 680 681 689 703 704 706 716 717 718 724 " +
               "727 732 740 743 754 757 762 770 771 772 774 781 786 802 803 804 813 814 826 828 835 838 839 843 845 848 854 856 857 " +
               "859 860 862 863 864 865 878 904 908 910 912 914 917 919 929 934 937 941 943 948 954 959 973 978 980 984", [NewYork]),
        ("US", "205 210 214 217 218 224 225 228 251 254 256 262 274 281 309 312 314 316 318 319 320 325 331 334 337 346 353 361 405 " +
               "409 414 417 430 447 464 469 479 501 504 507 512 515 534 539 557 563 572 573 580 601 608 612 615 618 629 630 636 641 " +
               "651 659 662 682 708 712 713 715 726 730 731 737 763 769 773 779 815 816 817 830 832 847 870 872 901 903 913 918 920 " +
               "936 938 940 945 952 956 972 979 985 219", [Chicago]),
        ("US", "303 307 385 406 435 505 575 719 720 801 915 970 983", [Denver]),
        ("US", "480 520 602 623", [Phoenix]),
        ("US", "206 209 213 415 253 279 310 323 341 350 360 408 424 425 442 503 509 510 530 559 562 564 619 626 628 650 657 661 669 702 " +
               "707 714 725 747 760 775 805 818 820 831 840 858 909 916 925 949 951 971", [LosAngeles]),
        ("US", "231 248 269 313 517 586 616 679 734 810 947 989", [Detroit]),
        ("US", "260 317 463 765", [Indianapolis]),
        ("US", "502", [Louisville]),
        ("US", "606", [NewYork]),
        ("US", "907", [Anchorage]),
        ("US", "808", [Honolulu]),
        ("US", "787 939", ["America/Puerto_Rico"]),
        ("US", "340", ["America/St_Thomas"]),
        ("US", "671", ["Pacific/Guam"]),
        ("US", "670", ["Pacific/Saipan"]),
        ("US", "684", ["Pacific/Pago_Pago"]),
        // Codes crossing a zone line (NANPA maps against the tz boundaries).
        ("US", "850 448", [Chicago, NewYork]),          // Florida panhandle: Pensacola Central, Tallahassee Eastern
        ("US", "812 930 574", [Indianapolis, Chicago]), // Indiana: Evansville and the north-west corner are Central
        ("US", "270 364 931", [Chicago, NewYork]),      // western Kentucky, middle Tennessee
        ("US", "620 785", [Chicago, Denver]),           // western Kansas counties are Mountain
        ("US", "308 605 701 432", [Chicago, Denver]),   // Nebraska, the Dakotas, west Texas
        ("US", "208 986", [Boise, LosAngeles]),         // Idaho: the panhandle is Pacific
        ("US", "458 541", [LosAngeles, Boise]),         // Oregon: Malheur County is Mountain
        ("US", "906", [Detroit, "America/Menominee"]),  // Michigan's Upper Peninsula: four counties Central
        ("US", "928", [Phoenix, Denver]),               // northern Arizona: the Navajo Nation keeps daylight saving time
        ("CA", "204 431 584", [Winnipeg]),
        ("CA", "306 474 639", [Regina]),
        ("CA", "368 403 587 780 825", [Edmonton]),
        ("CA", "236 604 672 778", [Vancouver]),
        ("CA", "250", [Vancouver, Edmonton]),           // eastern British Columbia keeps Mountain time
        ("CA", "226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 905 263 354 367 418 438 450 468 514 579 581 819 873", [Toronto]),
        ("CA", "807", [Toronto, Winnipeg]),             // north-western Ontario: Kenora is Central
        ("CA", "428 506", [Moncton]),
        ("CA", "782 902", [Halifax]),
        ("CA", "709 879", [StJohns, Halifax]),          // Labrador keeps Atlantic time
        ("CA", "867", [Whitehorse, Edmonton, Winnipeg, Toronto]),
        ("BS", "242", ["America/Nassau"]),
        ("BB", "246", ["America/Barbados"]),
        ("AI", "264", ["America/Anguilla"]),
        ("AG", "268", ["America/Antigua"]),
        ("VG", "284", ["America/Tortola"]),
        ("KY", "345", ["America/Cayman"]),
        ("BM", "441", ["Atlantic/Bermuda"]),
        ("GD", "473", ["America/Grenada"]),
        ("TC", "649", ["America/Grand_Turk"]),
        ("JM", "658 876", ["America/Jamaica"]),
        ("MS", "664", ["America/Montserrat"]),
        ("SX", "721", ["America/Lower_Princes"]),
        ("LC", "758", ["America/St_Lucia"]),
        ("DM", "767", ["America/Dominica"]),
        ("VC", "784", ["America/St_Vincent"]),
        ("DO", "809 829 849", ["America/Santo_Domingo"]),
        ("TT", "868", ["America/Port_of_Spain"]),
        ("KN", "869", ["America/St_Kitts"]),
    ];

    private static readonly FrozenDictionary<string, (string Country, string[] Zones)> ByAreaCode = Build();

    /// <summary>The country (ISO code) and zones of a NANP area code, or null when the table does not know it.</summary>
    public static (string Country, IReadOnlyList<string> Zones)? Find(string areaCode) =>
        ByAreaCode.TryGetValue(areaCode, out var found) ? (found.Country, found.Zones) : null;

    /// <summary>Every listed area code (for the table's own tests).</summary>
    public static IEnumerable<string> AreaCodes => ByAreaCode.Keys;

    private static FrozenDictionary<string, (string, string[])> Build()
    {
        var codes = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (var (country, list, zones) in Table)
        {
            // Each code is listed once: a second listing is a mistake in the table, caught at type load and by its tests.
            foreach (var code in list.Split(' ', StringSplitOptions.RemoveEmptyEntries)) codes.Add(code, (country, zones));
        }
        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
