namespace Remittance.Aws.Lambda.CloudWatchEvents.ScheduledEvents;

/// <summary>An EventBridge schedule firing ("detail-type": "Scheduled Event", "source": "aws.events").</summary>
public class ScheduledEvent : CloudWatchEvent<Detail>;
