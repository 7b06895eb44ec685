using Telephony.GrainInterfaces.Routing;

namespace Telephony.Api.Routing;

/// <summary>The paging of a routing list: the next page's token and URL are null on the last page.</summary>
/// <param name="PageSize">Entries per page.</param>
/// <param name="NextPageToken">Where the next page starts.</param>
/// <param name="NextPageUrl">The next page's URL.</param>
public sealed record ListMeta(int PageSize, string? NextPageToken, string? NextPageUrl);

/// <summary>A page of a workspace's tasks, as <c>GET …/tasks</c> answers it (the catalog writes it; this describes it).</summary>
/// <param name="Tasks">The tasks.</param>
/// <param name="Meta">The paging.</param>
public sealed record TaskList(IReadOnlyList<RoutingTask> Tasks, ListMeta Meta);

/// <summary>A page of a workspace's workers, as <c>GET …/workers</c> answers it.</summary>
/// <param name="Workers">The workers.</param>
/// <param name="Meta">The paging.</param>
public sealed record WorkerList(IReadOnlyList<Worker> Workers, ListMeta Meta);

/// <summary>A page of a worker's reservations, as <c>GET …/reservations</c> answers it.</summary>
/// <param name="Reservations">The reservations.</param>
/// <param name="Meta">The paging.</param>
public sealed record ReservationList(IReadOnlyList<Reservation> Reservations, ListMeta Meta);
