using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Greetings
{
    public interface ILogged
    {
    }

    public class Journal
    {
        private readonly List<string> _lines = new List<string>();

        public void Write(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        public string Read() => string.Join("|", _lines);
    }

    public class Greet : IRequest<string>, ILogged
    {
        public string Name { get; set; }
    }

    public class Tick : IRequest, ILogged
    {
    }

    public class Countdown : IStreamRequest<int>
    {
        public int From { get; set; }
    }

    public class Measure : IRequest<int?>, ILogged
    {
        public string Text { get; set; }
    }

    public class Split : IRequest<(int, string)>
    {
        public string Text { get; set; }
    }

    public class Letters : IStreamRequest<(int Index, char Letter)>
    {
        public string Text { get; set; }
    }

    [Handler]
    public class TextHandler : IRequestHandler<Measure, int?>, IRequestHandler<Split, (int, string)>, IStreamRequestHandler<Letters, (int Index, char Letter)>
    {
        public ValueTask<int?> Handle(Measure request, CancellationToken cancellationToken)
        {
            return new ValueTask<int?>(request.Text == null ? (int?)null : request.Text.Length);
        }

        public ValueTask<(int, string)> Handle(Split request, CancellationToken cancellationToken)
        {
            var space = request.Text.IndexOf(' ');
            return new ValueTask<(int, string)>((space, request.Text.Substring(space + 1)));
        }

        public async IAsyncEnumerable<(int Index, char Letter)> Handle(Letters request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < request.Text.Length; i++)
            {
                await Task.Yield();
                yield return (i, request.Text[i]);
            }
        }
    }

    [Handler]
    public class GreetHandler : IRequestHandler<Greet, string>
    {
        public ValueTask<string> Handle(Greet request, CancellationToken cancellationToken)
        {
            return new ValueTask<string>("hello " + (request.Name ?? "nobody"));
        }
    }

    [Handler(Lifetime = ComponentLifetime.Transient)]
    public class TickHandler : IRequestHandler<Tick>
    {
        private readonly Journal _journal;

        public TickHandler(Journal journal)
        {
            _journal = journal;
        }

        public ValueTask Handle(Tick request, CancellationToken cancellationToken)
        {
            _journal.Write("tick");
            return default(ValueTask);
        }
    }

    [Handler]
    public class CountdownHandler : IStreamRequestHandler<Countdown, int>
    {
        public async IAsyncEnumerable<int> Handle(Countdown request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = request.From; i > 0; i--)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }

    [Middleware(Order = 10)]
    public class LogMiddleware<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        where TRequest : ILogged
    {
        private readonly Journal _journal;

        public LogMiddleware(Journal journal)
        {
            _journal = journal;
        }

        public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
            where TNext : struct, INext<TRequest, TResponse>
        {
            _journal.Write("before " + typeof(TRequest).Name);
            var response = await next.InvokeAsync(request, context);
            _journal.Write("after " + typeof(TRequest).Name);
            return response;
        }
    }
}
