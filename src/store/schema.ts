/**
 * The store's tables. Every imported record keeps import_id and source_line, and the imports table
 * keeps the file, so that any figure can be traced to the line it came from. Coordinates are EPSG:3067.
 */
export const schemaVersion = 1;

export const schemaStatements: string[] = [
  `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
  `CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS imports (
    import_id INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    encoding VARCHAR,
    rows_read BIGINT NOT NULL,
    rows_accepted BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS rejects (
    import_id INTEGER NOT NULL,
    line BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    value VARCHAR,
    reason VARCHAR NOT NULL,
    reason_code VARCHAR,
    reason_params VARCHAR
  )`,
  // A reject's reason is a code with parameters (JSON) that the reader's language puts in words; `reason`
  // keeps the English words. Rows stored before codes existed have none: they are read as 'legacyText'.
  `ALTER TABLE rejects ADD COLUMN IF NOT EXISTS reason_code VARCHAR`,
  `ALTER TABLE rejects ADD COLUMN IF NOT EXISTS reason_params VARCHAR`,
  `CREATE TABLE IF NOT EXISTS service_classes (
    code VARCHAR PRIMARY KEY,
    name_fi VARCHAR NOT NULL,
    name_sv VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    service_area VARCHAR NOT NULL,
    event_kind VARCHAR NOT NULL,
    age_from INTEGER NOT NULL,
    age_to INTEGER NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS areas (
    level VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    name_fi VARCHAR NOT NULL,
    name_sv VARCHAR,
    parent_code VARCHAR,
    valid_from_year INTEGER NOT NULL,
    valid_to_year INTEGER,
    geometry VARCHAR,
    x DOUBLE,
    y DOUBLE,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS population (
    area_level VARCHAR NOT NULL,
    area_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    age INTEGER NOT NULL,
    sex VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS producers (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    business_id VARCHAR,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS units (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    service_classes VARCHAR[] NOT NULL,
    producer_code VARCHAR NOT NULL,
    municipality_code VARCHAR NOT NULL,
    x DOUBLE NOT NULL,
    y DOUBLE NOT NULL,
    capacity_per_year DOUBLE NOT NULL,
    capacity_unit VARCHAR NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    channels VARCHAR[] NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS events (
    source VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    event_date DATE NOT NULL,
    municipality_code VARCHAR NOT NULL,
    grid_cell_code VARCHAR,
    age TINYINT NOT NULL,
    sex VARCHAR NOT NULL,
    service_class VARCHAR NOT NULL,
    unit_code VARCHAR,
    producer_code VARCHAR,
    channel VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    quantity DOUBLE NOT NULL,
    cost_euros DOUBLE NOT NULL,
    client_key VARCHAR,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS costs (
    area_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    service_class VARCHAR NOT NULL,
    net_operating_cost_euros DOUBLE NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS forecast_variants (
    name VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    assumptions VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS forecast_official_population (
    variant VARCHAR NOT NULL,
    area_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    age INTEGER NOT NULL,
    sex VARCHAR NOT NULL,
    count DOUBLE NOT NULL
  )`,
  // A variant's label in fi, sv and en, beside forecast_variants.label (the label for any other).
  `CREATE TABLE IF NOT EXISTS forecast_variant_labels (
    variant VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    label VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS road_networks (
    name VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    node_count INTEGER NOT NULL,
    edge_count INTEGER NOT NULL,
    length_km DOUBLE NOT NULL,
    version VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL
  )`,
  // Added after the first stores were made, so they are added to those too.
  `ALTER TABLE road_networks ADD COLUMN IF NOT EXISTS revision INTEGER`,
  `ALTER TABLE road_networks ADD COLUMN IF NOT EXISTS component_count INTEGER`,
  `ALTER TABLE road_networks ADD COLUMN IF NOT EXISTS largest_node_share DOUBLE`,
  `ALTER TABLE road_networks ADD COLUMN IF NOT EXISTS largest_length_share DOUBLE`,
  // Every import of a road network, kept when a later import under the same name replaces its roads.
  `CREATE TABLE IF NOT EXISTS road_network_imports (
    name VARCHAR NOT NULL,
    revision INTEGER NOT NULL,
    version VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    node_count INTEGER NOT NULL,
    edge_count INTEGER NOT NULL,
    length_km DOUBLE NOT NULL,
    imported_at TIMESTAMP NOT NULL
  )`,
  // The network a store's first road import made active. The county's own choice is kept in the state.
  `CREATE TABLE IF NOT EXISTS road_network_active (
    name VARCHAR NOT NULL,
    set_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS road_nodes (
    network VARCHAR NOT NULL,
    node INTEGER NOT NULL,
    x DOUBLE NOT NULL,
    y DOUBLE NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS road_edges (
    network VARCHAR NOT NULL,
    from_node INTEGER NOT NULL,
    to_node INTEGER NOT NULL,
    length_m DOUBLE NOT NULL,
    road_class VARCHAR NOT NULL,
    oneway TINYINT NOT NULL,
    max_speed_kmh DOUBLE NOT NULL
  )`,
  // Networks of identified links (Digiroad) keep each edge's link id, winter limit and crossing time.
  `ALTER TABLE road_edges ADD COLUMN IF NOT EXISTS link_id VARCHAR`,
  `ALTER TABLE road_edges ADD COLUMN IF NOT EXISTS winter_speed_kmh DOUBLE`,
  `ALTER TABLE road_edges ADD COLUMN IF NOT EXISTS crossing_s DOUBLE`,
  `CREATE TABLE IF NOT EXISTS road_hierarchies (
    version VARCHAR PRIMARY KEY,
    data BLOB NOT NULL,
    built_at TIMESTAMP NOT NULL
  )`,
  // GTFS feeds as received (the zip), by name, with what their import rejected by file and line.
  `CREATE TABLE IF NOT EXISTS transit_feeds (
    name VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    zip BLOB NOT NULL,
    summary JSON NOT NULL,
    imported_at TIMESTAMP NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS transit_feed_rejects (
    feed VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    line INTEGER NOT NULL,
    column_name VARCHAR,
    reason_code VARCHAR NOT NULL,
    reason_params JSON NOT NULL
  )`,
  // Producer steering: contracts with their options and quality requirements, invoices, vouchers,
  // supervision and complaints. Edits to contracts live in the state; these are what was imported.
  `ALTER TABLE events ADD COLUMN IF NOT EXISTS first_contact_date DATE`,
  `CREATE TABLE IF NOT EXISTS contracts (
    code VARCHAR NOT NULL,
    producer_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    service_classes VARCHAR[] NOT NULL,
    unit_codes VARCHAR[],
    valid_from DATE NOT NULL,
    valid_to DATE NOT NULL,
    pricing_basis VARCHAR NOT NULL,
    unit_price_euros DOUBLE NOT NULL,
    monthly_fee_euros DOUBLE,
    index_clause VARCHAR,
    index_cap_percent DOUBLE,
    volume_floor DOUBLE,
    volume_ceiling DOUBLE,
    reporting_duties VARCHAR,
    sanction_percent DOUBLE,
    bonus_percent DOUBLE,
    tender_planned_from DATE,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS contract_options (
    contract_code VARCHAR NOT NULL,
    option_number INTEGER NOT NULL,
    extends_to DATE NOT NULL,
    decide_by DATE NOT NULL,
    decision VARCHAR NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS quality_requirements (
    contract_code VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    direction VARCHAR NOT NULL,
    target DOUBLE NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS invoices (
    invoice_id VARCHAR NOT NULL,
    producer_code VARCHAR NOT NULL,
    month VARCHAR NOT NULL,
    service_class VARCHAR NOT NULL,
    unit_code VARCHAR,
    amount_euros DOUBLE NOT NULL,
    quantity DOUBLE NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS voucher_values (
    service_class VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    value_euros DOUBLE NOT NULL,
    client_share_euros DOUBLE,
    income_rule VARCHAR,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS voucher_approvals (
    service_class VARCHAR NOT NULL,
    producer_code VARCHAR NOT NULL,
    approved_from DATE NOT NULL,
    approved_to DATE,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS inspections (
    inspection_id VARCHAR NOT NULL,
    producer_code VARCHAR NOT NULL,
    unit_code VARCHAR,
    inspection_date DATE NOT NULL,
    kind VARCHAR NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS findings (
    finding_id VARCHAR NOT NULL,
    inspection_id VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    action_deadline DATE NOT NULL,
    action_state VARCHAR NOT NULL,
    action_done_on DATE,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS complaints (
    producer_code VARCHAR NOT NULL,
    quarter VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  // Targets, monitoring sets and network scenarios were kept here before the state (src/state) existed;
  // a store that still has them has them copied into its state once, when the state is first opened.
  // Where fetched data came from (an open-data service: source, address, licence, attribution, time),
  // kept with the import so that every figure can name them; empty for files a county imported itself.
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS fetched_source VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS fetched_url VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS licence VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS attribution VARCHAR`,
  `ALTER TABLE imports ADD COLUMN IF NOT EXISTS fetched_at VARCHAR`,
  // One row a fetch from an open-data service, imported or not: what was asked, what came from the
  // cache, what changed since the fetch before.
  `CREATE TABLE IF NOT EXISTS source_fetches (
    source VARCHAR NOT NULL,
    dataset VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    licence VARCHAR NOT NULL,
    attribution VARCHAR NOT NULL,
    fetched_at VARCHAR NOT NULL,
    import_id INTEGER,
    queries INTEGER NOT NULL,
    unchanged_answers INTEGER NOT NULL,
    cells BIGINT NOT NULL,
    rows_inserted BIGINT NOT NULL,
    rows_updated BIGINT NOT NULL,
    structure VARCHAR NOT NULL,
    changes VARCHAR NOT NULL,
    finished_at TIMESTAMP NOT NULL
  )`,
  // What was asked beyond the dataset's name (a WFS layer's year and scale), as JSON, so that a refresh
  // asks the same again. Fetches logged before it was kept have none.
  `ALTER TABLE source_fetches ADD COLUMN IF NOT EXISTS parameters VARCHAR`,
  // Figures another organisation published (THL's Sotkanet), kept apart from the county's own.
  `CREATE TABLE IF NOT EXISTS reference_values (
    reference_source VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    indicator_title VARCHAR,
    area_level VARCHAR NOT NULL,
    area_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    sex VARCHAR NOT NULL,
    value DOUBLE,
    absolute_value DOUBLE,
    mark VARCHAR,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  // The 1 km grid's population by sex and age group as Statistics Finland's grid layer gives it (total,
  // men, women, 0–14, 15–64, 65+; age_to NULL for an open group). A figure withheld for a cell with few
  // residents is kept as suppressed, its count NULL, never as a number.
  `CREATE TABLE IF NOT EXISTS grid_population_groups (
    code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    sex VARCHAR NOT NULL,
    age_from INTEGER NOT NULL,
    age_to INTEGER,
    count INTEGER,
    suppressed BOOLEAN NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
  // The reference values' indicator metadata as the source gave it: titles in Finnish, Swedish and
  // English (Sotkanet's /indicators/{id}), replaced at each fetch of the indicator.
  `CREATE TABLE IF NOT EXISTS reference_indicators (
    reference_source VARCHAR NOT NULL,
    indicator_id VARCHAR NOT NULL,
    title_fi VARCHAR,
    title_sv VARCHAR,
    title_en VARCHAR,
    data_updated VARCHAR,
    fetched_at VARCHAR NOT NULL,
    PRIMARY KEY (reference_source, indicator_id)
  )`,
  // The languages a unit serves in (null where the unit register does not say), and residents by
  // their registered language: Finnish, Swedish, Sámi, other.
  `ALTER TABLE units ADD COLUMN IF NOT EXISTS languages VARCHAR[]`,
  `CREATE TABLE IF NOT EXISTS population_languages (
    area_code VARCHAR NOT NULL,
    year SMALLINT NOT NULL,
    language VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    import_id INTEGER NOT NULL,
    source_line BIGINT NOT NULL
  )`,
];
