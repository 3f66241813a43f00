CREATE TABLE public.bookings (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&)
);
