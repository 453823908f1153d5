using Microsoft.Extensions.Logging;

namespace RuntimeTests.BuiltIns.Logging;

/// <summary>One structured log entry as the logger received it.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Text, IReadOnlyDictionary<string, object?> State, Exception? Exception);

/// <summary>A logger factory that keeps every entry at or above <see cref="MinimumLevel"/>, for assertions.</summary>
public sealed class ListLoggerFactory : ILoggerFactory
{
    public List<LogEntry> Entries { get; } = [];

    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= factory.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs) values[pair.Key] = pair.Value;
            }

            lock (factory.Entries) factory.Entries.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
