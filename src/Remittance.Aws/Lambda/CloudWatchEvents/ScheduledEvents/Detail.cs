namespace Remittance.Aws.Lambda.CloudWatchEvents.ScheduledEvents;

/// <summary>A scheduled event's detail is always an empty object.</summary>
public class Detail;
