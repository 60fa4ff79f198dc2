CREATE TABLE _track_migrations (
	name VARCHAR NOT NULL, 
	applied_at VARCHAR NOT NULL, 
	PRIMARY KEY (name)
);
CREATE TABLE groups (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	place VARCHAR, 
	created_at VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE people (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	organisation VARCHAR, 
	created_at VARCHAR NOT NULL, name_key VARCHAR, first_key VARCHAR, last_key VARCHAR, initials VARCHAR, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE settings (
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE meetings (
	id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	date VARCHAR, 
	title VARCHAR, 
	place VARCHAR, 
	secretary VARCHAR, 
	source_path VARCHAR, 
	source_hash VARCHAR, 
	next_meeting VARCHAR, 
	created_at VARCHAR NOT NULL, time VARCHAR, next_time VARCHAR, next_place VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES groups (id), 
	UNIQUE (source_hash)
);
CREATE TABLE person_aliases (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	alias VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES people (id), 
	UNIQUE (alias)
);
CREATE TABLE meeting_attendees (
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	present BOOLEAN NOT NULL, 
	PRIMARY KEY (meeting_id, person_id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id), 
	FOREIGN KEY(person_id) REFERENCES people (id)
);
CREATE TABLE scheduled_meetings (
	id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	date VARCHAR NOT NULL, 
	place VARCHAR, 
	source_meeting_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES groups (id), 
	FOREIGN KEY(source_meeting_id) REFERENCES meetings (id)
);
CREATE TABLE items (
	id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	due VARCHAR, 
	meeting_id INTEGER, 
	source VARCHAR, 
	line INTEGER, 
	topic VARCHAR, 
	confidence FLOAT, 
	created_at VARCHAR NOT NULL, 
	updated_at VARCHAR NOT NULL, 
	closed_at VARCHAR, group_id INTEGER REFERENCES groups (id), 
	PRIMARY KEY (id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
CREATE TABLE item_owners (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	person_id INTEGER, 
	organisation VARCHAR, unresolved BOOLEAN, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES items (id), 
	FOREIGN KEY(person_id) REFERENCES people (id)
);
CREATE TABLE item_history (
	id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	at VARCHAR NOT NULL, 
	action VARCHAR NOT NULL, 
	detail VARCHAR NOT NULL, 
	meeting_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES items (id), 
	FOREIGN KEY(meeting_id) REFERENCES meetings (id)
);
CREATE TABLE changes (
	id INTEGER NOT NULL, 
	command_id VARCHAR NOT NULL, 
	at VARCHAR NOT NULL, 
	run_by VARCHAR NOT NULL, 
	label VARCHAR NOT NULL, 
	summary VARCHAR NOT NULL, 
	detail VARCHAR NOT NULL, 
	undone_at VARCHAR, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_changes_command_id ON changes (command_id);
CREATE INDEX ix_item_history_item_id ON item_history (item_id);
CREATE INDEX ix_item_owners_item_id ON item_owners (item_id);
CREATE INDEX ix_item_owners_item_position ON item_owners (item_id, position);
CREATE INDEX ix_item_owners_organisation ON item_owners (organisation);
CREATE INDEX ix_item_owners_person_id ON item_owners (person_id);
CREATE INDEX ix_item_owners_person_item ON item_owners (person_id, item_id);
CREATE INDEX ix_items_due ON items (due);
CREATE INDEX ix_items_group_status_closed ON items (group_id, status, closed_at);
CREATE INDEX ix_items_meeting_id ON items (meeting_id);
CREATE INDEX ix_items_meeting_status_closed ON items (meeting_id, status, closed_at);
CREATE INDEX ix_items_status ON items (status);
CREATE INDEX ix_meeting_attendees_person_id ON meeting_attendees (person_id);
CREATE INDEX ix_meetings_date ON meetings (date);
CREATE INDEX ix_meetings_group_date ON meetings (group_id, date);
CREATE INDEX ix_meetings_group_id ON meetings (group_id);
CREATE INDEX ix_people_first_key_name ON people (first_key, name);
CREATE INDEX ix_people_initials ON people (initials);
CREATE INDEX ix_people_last_key ON people (last_key);
CREATE INDEX ix_people_name_key ON people (name_key);
CREATE INDEX ix_person_aliases_person_id ON person_aliases (person_id);
CREATE INDEX ix_scheduled_meetings_group_id ON scheduled_meetings (group_id);
