using System.ComponentModel.DataAnnotations;
using Sluice.Delivery.Engine;

namespace Sluice.Orders;

public sealed class OrdersOptions : IDeliveredOptions
{
    public const string SectionName = "Orders";

    /// <summary>Destinations every order is delivered to: the slow "save" that processes it.</summary>
    public string[] Destinations { get; set; } = ["orders"];

    /// <summary>Rows per transaction when populating: each chunk takes its turn with intake's commits on SQLite,
    /// so a chunk is kept short enough (tens of milliseconds) not to stall intake noticeably.</summary>
    [Range(100, 1_000_000)]
    public int PopulateChunkSize { get; set; } = 20_000;

    /// <summary>Most orders one populate request may generate.</summary>
    [Range(1, 1_000_000_000)]
    public long MaxPopulateCount { get; set; } = 50_000_000;
}
