using System;
using Microsoft.Extensions.Internal;

namespace Mediator.Caching;

/// <summary>Lets <c>MemoryCache</c>, which predates <see cref="TimeProvider"/>, expire entries on the injected clock.</summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
