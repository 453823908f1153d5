#nullable disable
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Accounts;

public abstract class AccountEvent : INotification
{
    public string Account { get; set; }
}

public sealed class AccountOpened : AccountEvent
{
    public decimal Deposit { get; set; }
}

[PublishStrategy(PublishStrategy.Concurrent)]
public sealed class AccountClosed : AccountEvent
{
}

public sealed class Ledger
{
    private readonly ConcurrentQueue<string> _entries = new();

    public void Add(string entry) => _entries.Enqueue(entry);

    public string Read() => string.Join(",", _entries.OrderBy(e => e, System.StringComparer.Ordinal));
}

[Handler]
public sealed class AuditTrail : INotificationHandler<AccountEvent>
{
    private readonly Ledger _ledger;

    public AuditTrail(Ledger ledger) => _ledger = ledger;

    public ValueTask Handle(AccountEvent notification, CancellationToken cancellationToken)
    {
        _ledger.Add("audit:" + notification.GetType().Name + ":" + notification.Account);
        return default;
    }
}

[Handler]
public sealed class Welcome : INotificationHandler<AccountOpened>
{
    private readonly Ledger _ledger;

    public Welcome(Ledger ledger) => _ledger = ledger;

    public async ValueTask Handle(AccountOpened notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        _ledger.Add("welcome:" + notification.Account);
    }
}

[Handler]
public sealed class Farewell : INotificationHandler<AccountClosed>
{
    private readonly Ledger _ledger;

    public Farewell(Ledger ledger) => _ledger = ledger;

    public ValueTask Handle(AccountClosed notification, CancellationToken cancellationToken)
    {
        _ledger.Add("farewell:" + notification.Account);
        return default;
    }
}

public sealed class Balance : IRequest<string>
{
    public string Account { get; set; }

    public IList<string> Tags { get; set; }
}

[Handler]
public sealed class BalanceHandler : IRequestHandler<Balance, string>
{
    public ValueTask<string> Handle(Balance request, CancellationToken cancellationToken)
        => new(request.Tags == null ? request.Account : request.Account + "#" + request.Tags.Count);
}
