using System.ComponentModel.DataAnnotations;
using Sluice.Delivery.Engine;

namespace Sluice.Punches;

public sealed class PunchesOptions : IDeliveredOptions
{
    public const string SectionName = "Punches";

    /// <summary>Destinations every punch is delivered to (names under <c>Delivery:Destinations</c>).</summary>
    public string[] Destinations { get; set; } = ["legacy"];

    /// <summary>Deliver each employee's punches one at a time in arrival order (in before out).</summary>
    /// <remarks>Off by default: each punch carries its own time, and keeping order costs the journal an index
    /// lookup per punch (about a third of intake throughput, see bench/RESULTS.md).</remarks>
    public bool OrderByEmployee { get; set; }

    /// <summary>How far ahead of the server's clock a punch time may be (collectors' clocks drift).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How old an online punch may be when it arrives: an online collector sends at once.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How old a punch flagged offline may be: the regulation lets collectors keep punches while offline and send
    /// them when back, so they get a longer window (a device left unplugged over a month's holidays still counts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxOfflineAge { get; set; } = TimeSpan.FromDays(31);

    /// <summary>How often punches are moved into the by-employee index (reads see them before that too).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan EmployeeIndexInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most punches in one <c>POST /api/punches/batch</c>.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>
    /// CNPJ (14 digits) or CPF (11) of whoever develops this REP-P, written in the AFD header. Unset, Sluice runs but the
    /// AFD endpoint refuses: a header naming no developer is rejected by AFD readers. Checked (check digits) at start.
    /// </summary>
    public string DeveloperDocument { get; set; } = "";

    /// <summary>
    /// The developer's legal name, written in the AEJ's type 08 record (<c>razaoNomeDesenv</c>, 1 to 150 characters of
    /// ISO-8859-1). Unset, Sluice runs but the AEJ endpoints refuse, naming this setting.
    /// </summary>
    [MaxLength(150)]
    public string DeveloperName { get; set; } = "";

    /// <summary>The developer's e-mail, written in the AEJ's type 08 record (<c>emailDesenv</c>, 1 to 50 characters).</summary>
    [MaxLength(50)]
    [EmailAddress]
    public string? DeveloperEmail { get; set; }

    /// <summary>The claim of a person's token that holds their CPF: the "CPF do responsável" of the registry's legal records.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ResponsibleCpfClaim { get; set; } = "cpf";

    /// <summary>Wrong web PINs for one person (CPF or code) before the employee page stops checking theirs for <see cref="WebPinLockout"/>.</summary>
    [Range(1, 1_000)]
    public int WebPinMaxFailures { get; set; } = 5;

    /// <summary>
    /// Wrong web PINs from one client address (any person) before the page holds that address back; 0 turns this off.
    /// Raise it, or turn it off, when a whole site punches through one address (a NAT) and typos add up.
    /// </summary>
    [Range(0, 1_000_000)]
    public int WebPinMaxFailuresPerAddress { get; set; } = 50;

    /// <summary>How long failures count, and how long a person or an address is held back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan WebPinLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The JSON a legacy time system gets per punch: its field name → the punch field it takes (see
    /// <see cref="LegacyPunchShape.Fields"/>). Empty: the punch as stored.
    /// </summary>
    public Dictionary<string, string> LegacyShape { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Secret that signs the worker's receipt links (at least 32 characters; the same on every node). Unset, each
    /// process draws a random one: links then work only on the node that made them, until it restarts.
    /// </summary>
    [MinLength(32, ErrorMessage = "Punches:ReceiptLinkKey must be at least 32 characters.")]
    public string? ReceiptLinkKey { get; set; }

    /// <summary>How long a receipt link works after it is handed out (on the success screen or in the worker's list).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "31.00:00:00")]
    public TimeSpan ReceiptLinkLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How long the worker's Espelho link works after they sign in on <c>/punch</c> with CPF (or code) and web PIN: the
    /// link opens their Espelho for any month and its PDF, so it is kept short, as a session would be.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan EspelhoLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How far back the worker's own list of receipts on <c>/punch</c> reaches. Portaria 671 Art. 80 III asks for at
    /// least the last 48 hours, so less is refused.
    /// </summary>
    [Range(typeof(TimeSpan), "2.00:00:00", "366.00:00:00")]
    public TimeSpan WorkerReceiptsWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Most employee rows in one CSV import: each web PIN costs a PBKDF2 hash (tens of CPU milliseconds).</summary>
    [Range(1, 100_000)]
    public int MaxImportRows { get; set; } = 1_000;

    /// <summary>Web PINs hashed at once, across all requests; 0: one per core. Past it, imports answer 503 with Retry-After.</summary>
    [Range(0, 1_024)]
    public int WebPinHashingConcurrency { get; set; }

    /// <summary>How often each node checks whether another node changed the registry (PostgreSQL, several nodes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RegistryRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
