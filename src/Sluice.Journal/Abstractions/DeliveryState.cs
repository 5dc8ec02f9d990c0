namespace Sluice.Journal;

/// <summary>Where one message stands with one destination. Values are stored: do not renumber.</summary>
public enum DeliveryState
{
    Pending = 0,
    InFlight = 1,
    Delivered = 2,
    Dead = 3,
    Discarded = 4,
}
